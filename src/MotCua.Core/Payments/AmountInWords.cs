using System.Text;

namespace MotCua.Core.Payments;

/// <summary>
/// An amount of đồng in Vietnamese words, as a receipt writes it ("Số tiền bằng chữ"): "Một trăm năm mươi nghìn đồng".
/// Follows the usual reading: "linh" for a zero tens digit, "mốt" and "lăm" after twenty, "tư" for four after twenty.
/// </summary>
public static class AmountInWords
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    private static readonly string[] Scales = ["", " nghìn", " triệu", " tỷ", " nghìn tỷ", " triệu tỷ"];

    public static string Dong(long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (amount == 0)
        {
            return "Không đồng";
        }
        var groups = new List<int>();
        for (var rest = amount; rest > 0; rest /= 1000)
        {
            groups.Add((int)(rest % 1000));
        }
        var words = new StringBuilder();
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            if (groups[i] == 0)
            {
                continue;
            }
            // A group after a higher one reads its hundreds even when zero ("một nghìn không trăm linh năm").
            var full = i < groups.Count - 1;
            words.Append(' ').Append(Group(groups[i], full)).Append(Scales[i]);
        }
        var text = words.ToString().Trim() + " đồng";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Group(int n, bool full)
    {
        var hundreds = n / 100;
        var tens = n / 10 % 10;
        var units = n % 10;
        var parts = new List<string>();
        if (hundreds > 0 || full)
        {
            parts.Add(Digits[hundreds] + " trăm");
        }
        if (tens == 0)
        {
            if (units > 0 && parts.Count > 0)
            {
                parts.Add("linh");
            }
        }
        else
        {
            parts.Add(tens == 1 ? "mười" : Digits[tens] + " mươi");
        }
        if (units > 0)
        {
            parts.Add(units switch
            {
                1 when tens > 1 => "mốt",
                5 when tens > 0 => "lăm",
                4 when tens > 1 => "tư",
                _ => Digits[units],
            });
        }
        return string.Join(' ', parts);
    }
}
