namespace MotCua.Core.Dossiers;

/// <summary>
/// One item of a supplement request (Mẫu 02): the paper of the dossier it concerns, what is missing or wrong in it, and
/// the legal basis for asking. The law asks for complete guidance in one go, so a request lists every item.
/// </summary>
public sealed record SupplementItem(string Paper, string Problem, string? LegalBasis)
{
    /// <summary>The most items one request lists (a dossier's papers, with room for several problems per paper).</summary>
    public const int MaxItems = 50;

    /// <summary>Why the items cannot be a supplement request, or null when they can.</summary>
    public static string? Problems(IReadOnlyList<SupplementItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return "Vui lòng liệt kê từng nội dung cần bổ sung, hoàn thiện: giấy tờ nào, thiếu hoặc sai gì và căn cứ pháp lý.";
        }
        if (items.Count > MaxItems)
        {
            return "Một phiếu yêu cầu bổ sung liệt kê tối đa " + MaxItems.ToString(System.Globalization.CultureInfo.InvariantCulture) + " nội dung.";
        }
        for (int i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i].Paper) || string.IsNullOrWhiteSpace(items[i].Problem))
            {
                return "Nội dung thứ " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + " cần nêu rõ giấy tờ và nội dung cần bổ sung, hoàn thiện.";
            }
        }
        return null;
    }
}
