using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Citizens;

/// <summary>Where a document held for a person comes from.</summary>
public enum HeldSource
{
    /// <summary>A paper handed in with one of the person's earlier dossiers (online or scanned at the counter).</summary>
    Paper,

    /// <summary>A result issued to the person (a signed result document, or a digitised result).</summary>
    Result,

    /// <summary>A document the national data store holds for the person's ID number.</summary>
    NationalStore,
}

/// <summary>
/// One document MotCua or the national data store holds for a person, as the online form offers it. <see cref="Key"/>
/// names it in the form; it is never trusted on its own: every use looks it up again under the citizen's ID number.
/// </summary>
public sealed record HeldDocument(string Key, HeldSource Source, string Name, string? ProcedureName, string? DossierCode, DateOnly Date,
    string FileName, string? Reference);

/// <summary>Whether the national data store took part in the answer.</summary>
public enum NationalStoreState
{
    NotConfigured,
    Answered,
    DidNotAnswer,
}

public sealed record HeldDocuments(IReadOnlyList<HeldDocument> Documents, NationalStoreState NationalStore)
{
    public const string StoreDidNotAnswer = "Kho dữ liệu quốc gia chưa phản hồi; dưới đây là các giấy tờ hệ thống Một cửa đang lưu của Ông/Bà. Ông/Bà vẫn nộp hồ sơ bình thường.";
}

/// <summary>A held document chosen for a paper, with its content to file in the new dossier.</summary>
public sealed record ReusedDocument(HeldDocument Document, IncomingFile File);

/// <summary>
/// Reuse instead of re-upload: the documents held for a logged-in citizen, opened again only under their own ID number,
/// and each use recorded where the citizen can see it. Implemented by the Reuse feature.
/// </summary>
public interface IDocumentReuse
{
    /// <summary>The reusable documents held for <paramref name="idNumber"/> (MotCua's own, and the national store's when configured and answering).</summary>
    Task<HeldDocuments> HeldForAsync(string idNumber, CancellationToken ct);

    /// <summary>The document <paramref name="key"/> with its content when it is <paramref name="idNumber"/>'s and still reusable; otherwise the Vietnamese reason.</summary>
    Task<(ReusedDocument? Document, string? Problem)> OpenAsync(string idNumber, string key, CancellationToken ct);

    /// <summary>Adds the reuse record, the read the citizen sees and the audit entry for paper <paramref name="paperSeq"/> of the new dossier (saved with it).</summary>
    void Record(AppDbContext context, Dossier dossier, int paperSeq, string paperName, HeldDocument document);
}
