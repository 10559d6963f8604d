using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Results;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Files;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Reuse;

/// <summary>
/// What MotCua (and the national data store) holds for a person, by the ID number VNeID verified: the files of their
/// earlier dossiers' papers and the results issued to them, never an organisation's dossier or another person's. A key
/// from the form is looked up again under the same ID number before any content is read, so a guessed id opens nothing.
/// </summary>
public sealed class DocumentReuse(AppDbContext db, FileStore files, INationalDataStore store, TimeProvider time, ILogger<DocumentReuse> log) : IDocumentReuse
{
    public const string NotYours = "Giấy tờ đã chọn không có trong danh sách giấy tờ đang lưu của Ông/Bà; vui lòng chọn lại hoặc tải tệp lên.";

    /// <summary>More than a person hands in over years; the offer is a list, not an archive.</summary>
    private const int MaxRows = 200;

    private const string FilePrefix = "tep-";
    private const string ResultPrefix = "ket-qua-";
    private const string NationalPrefix = "quoc-gia-";

    private sealed record FileRow(long Id, long DossierId, int? PaperSeq, DossierFileKind Kind, string FileName, string Sha256, string StoragePath,
        DateTimeOffset UploadedAt, string Code, string ProcedureName, DossierStatus Status, string? PaperName);

    private sealed record ResultRow(int Id, string Summary, string Number, DateOnly IssuedOn, ResultStatus Status, string? SignedPath,
        DateOnly? ValidFrom, DateOnly? ValidTo, string Code, string ProcedureName);

    public async Task<HeldDocuments> HeldForAsync(string idNumber, CancellationToken ct)
    {
        var today = time.Today();
        var documents = new List<HeldDocument>();
        documents.AddRange((await OwnFilesAsync(idNumber, null, ct)).Where(f => FileRefusal(f.Row, f.Replaced, today) is null).Select(f => Describe(f.Row)));
        documents.AddRange((await OwnResultsAsync(idNumber, null, ct)).Where(r => ResultRefusal(r, today) is null).Select(Describe));
        var state = NationalStoreState.NotConfigured;
        if (store.Configured)
        {
            try
            {
                var held = await store.DocumentsAsync(idNumber, ct);
                documents.AddRange(held.Where(d => PaperReuse.ValidityRefusal(d.ValidFrom, d.ValidTo, today) is null).Select(Describe));
                state = NationalStoreState.Answered;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "The national data store did not answer; offering MotCua's own documents only.");
                state = NationalStoreState.DidNotAnswer;
            }
        }
        return new HeldDocuments(documents, state);
    }

    public async Task<(ReusedDocument? Document, string? Problem)> OpenAsync(string idNumber, string key, CancellationToken ct)
    {
        var today = time.Today();
        if (key.StartsWith(FilePrefix, StringComparison.Ordinal) && long.TryParse(key[FilePrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var fileId))
        {
            var found = await OwnFilesAsync(idNumber, fileId, ct);
            if (found.Count == 0)
            {
                return (null, NotYours);
            }
            var f = found[0];
            if (FileRefusal(f.Row, f.Replaced, today) is { } refusal)
            {
                return (null, PaperReuse.Text(refusal));
            }
            return Content(Describe(f.Row), f.Row.StoragePath);
        }
        if (key.StartsWith(ResultPrefix, StringComparison.Ordinal) && int.TryParse(key[ResultPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var resultId))
        {
            if ((await OwnResultsAsync(idNumber, resultId, ct)).SingleOrDefault() is not { } r)
            {
                return (null, NotYours);
            }
            if (ResultRefusal(r, today) is { } refusal)
            {
                return (null, PaperReuse.Text(refusal));
            }
            return Content(Describe(r), r.SignedPath!);
        }
        if (key.StartsWith(NationalPrefix, StringComparison.Ordinal) && store.Configured)
        {
            var id = key[NationalPrefix.Length..];
            try
            {
                // Listed for this ID number first: the store is asked for content only of what it said it holds for them.
                var held = (await store.DocumentsAsync(idNumber, ct)).SingleOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal));
                if (held is null)
                {
                    return (null, NotYours);
                }
                if (PaperReuse.ValidityRefusal(held.ValidFrom, held.ValidTo, today) is { } refusal)
                {
                    return (null, PaperReuse.Text(refusal));
                }
                var content = await store.ContentAsync(idNumber, id, ct);
                return content is null ? (null, NotYours) : (new ReusedDocument(Describe(held), new IncomingFile(held.FileName, content)), null);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "The national data store did not answer while a citizen reused one of its documents.");
                return (null, "Kho dữ liệu quốc gia chưa phản hồi nên chưa lấy được giấy tờ này; vui lòng tải tệp lên hoặc thử lại sau.");
            }
        }
        return (null, NotYours);
    }

    public void Record(AppDbContext context, Dossier dossier, int paperSeq, string paperName, HeldDocument document)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(document);
        var now = time.GetUtcNow();
        dossier.ReusedDigitisedData = true;
        context.Add(new ReusedPaper
        {
            Dossier = dossier, PaperSeq = paperSeq, PaperName = paperName, Source = document.Source, SourceKey = document.Key,
            SourceDossierCode = document.DossierCode, Reference = document.Reference, DocumentName = document.Name, ReusedAt = now,
        });
        // The citizen sees the read on the dossier the document came with; a national store document on the new dossier.
        PersonalDataReads.RecordReuse(context, time, dossier.AgencyId, document.DossierCode ?? dossier.Code, dossier.Code, document.Name);
        AuditLog.Append(context, time, null, "dossier.paper.reuse", nameof(Dossier), dossier.Code,
            $"Thành phần \"{paperName}\" dùng lại giấy tờ \"{document.Name}\" ({SourceText(document)}) theo đồng ý của người nộp.",
            new { paperSeq, source = document.Source.ToString(), key = document.Key, sourceDossier = document.DossierCode, document.Reference }).AgencyId = dossier.AgencyId;
    }

    /// <summary>Where a held document came from, in the citizen's and officer's words.</summary>
    public static string SourceText(HeldDocument d) => d.Source switch
    {
        HeldSource.Paper => "giấy tờ đã nộp trong hồ sơ " + d.DossierCode,
        HeldSource.Result => "kết quả đã cấp của hồ sơ " + d.DossierCode,
        HeldSource.NationalStore => "kho dữ liệu quốc gia" + (d.Reference is { } r ? ", số tham chiếu " + r : ""),
    };

    private (ReusedDocument?, string?) Content(HeldDocument document, string storagePath) =>
        files.Read(storagePath) is { } bytes
            ? (new ReusedDocument(document, new IncomingFile(document.FileName, bytes)), null)
            : (null, "Không đọc được tệp của giấy tờ này; vui lòng tải tệp lên.");

    /// <summary>
    /// The person's dossier files (one, when <paramref name="fileId"/> is given), each with whether a later file of its
    /// dossier replaced it for the same paper. Only individuals' dossiers whose applicant ID number is the person's.
    /// </summary>
    private async Task<List<(FileRow Row, bool Replaced)>> OwnFilesAsync(string idNumber, long? fileId, CancellationToken ct)
    {
        var query = db.DossierFiles.AsNoTracking()
            .Where(f => f.Kind == DossierFileKind.Component || f.Kind == DossierFileKind.Result)
            .Where(f => f.Dossier!.ApplicantIdNumber == idNumber && f.Dossier.ApplicantKind == ApplicantKind.Individual);
        if (fileId is { } one)
        {
            query = query.Where(f => f.Id == one);
        }
        var rows = await query.OrderByDescending(f => f.Id).Take(MaxRows)
            .Select(f => new FileRow(f.Id, f.DossierId, f.PaperSeq, f.Kind, f.FileName, f.Sha256, f.StoragePath, f.UploadedAt, f.Dossier!.Code,
                f.Dossier.ProcedureName, f.Dossier.Status,
                f.Dossier.Papers.Where(p => p.Seq == f.PaperSeq).Select(p => p.Name).FirstOrDefault()))
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var dossierIds = rows.Select(r => r.DossierId).Distinct().ToList();
        // The latest component file of each paper of those dossiers: an earlier one was replaced.
        var latest = await db.DossierFiles.AsNoTracking()
            .Where(f => dossierIds.Contains(f.DossierId) && f.Kind == DossierFileKind.Component && f.PaperSeq != null)
            .GroupBy(f => new { f.DossierId, f.PaperSeq })
            .Select(g => g.Max(f => f.Id))
            .ToListAsync(ct);
        var latestIds = latest.ToHashSet();
        var result = rows.Select(r => (Row: r, Replaced: r.Kind == DossierFileKind.Component && r.PaperSeq is not null && !latestIds.Contains(r.Id))).ToList();
        if (fileId is not null)
        {
            return result;
        }
        // A document reused into a later dossier is the same content again: offered once, from where it was last used.
        return [.. result.GroupBy(r => (r.Row.Sha256, r.Row.PaperName)).Select(g => g.First())];
    }

    private async Task<List<ResultRow>> OwnResultsAsync(string idNumber, int? resultId, CancellationToken ct)
    {
        var query = from r in db.ResultDocuments.AsNoTracking()
                    join d in db.Dossiers.AsNoTracking() on r.DossierId equals d.Id
                    where d.ApplicantIdNumber == idNumber && d.ApplicantKind == ApplicantKind.Individual
                    select new { r, d };
        if (resultId is { } one)
        {
            query = query.Where(x => x.r.Id == one);
        }
        return await query.OrderByDescending(x => x.r.Id).Take(MaxRows)
            .Select(x => new ResultRow(x.r.Id, x.r.Summary, x.r.Number + "/" + x.r.Symbol, x.r.IssuedOn, x.r.Status, x.r.SignedPath,
                x.r.ValidFrom, x.r.ValidTo, x.d.Code, x.d.ProcedureName))
            .ToListAsync(ct);
    }

    private static ReuseRefusal? FileRefusal(FileRow f, bool replaced, DateOnly today) => f.Kind == DossierFileKind.Result
        // A digitised result counts once the dossier's result is issued.
        ? PaperReuse.ResultRefusal(HeldResultState.InForce, f.Status is DossierStatus.ResultIssued or DossierStatus.Returned, null, null, today)
        : PaperReuse.PaperRefusal(f.Status, replaced, null, null, today);

    private static ReuseRefusal? ResultRefusal(ResultRow r, DateOnly today) =>
        PaperReuse.ResultRefusal(r.Status switch
        {
            ResultStatus.Draft => HeldResultState.Draft,
            ResultStatus.InForce => HeldResultState.InForce,
            ResultStatus.Revoked => HeldResultState.Revoked,
            ResultStatus.Corrected => HeldResultState.Corrected,
        }, r.SignedPath is not null, r.ValidFrom, r.ValidTo, today);

    private static HeldDocument Describe(FileRow f) => f.Kind == DossierFileKind.Result
        ? new HeldDocument(FilePrefix + f.Id.ToString(CultureInfo.InvariantCulture), HeldSource.Result, "Kết quả số hóa: " + f.ProcedureName, f.ProcedureName,
            f.Code, DateOnly.FromDateTime(f.UploadedAt.ToVietnam().DateTime), f.FileName, null)
        : new HeldDocument(FilePrefix + f.Id.ToString(CultureInfo.InvariantCulture), HeldSource.Paper, f.PaperName ?? f.FileName, f.ProcedureName,
            f.Code, DateOnly.FromDateTime(f.UploadedAt.ToVietnam().DateTime), f.FileName, null);

    private static HeldDocument Describe(ResultRow r) =>
        new(ResultPrefix + r.Id.ToString(CultureInfo.InvariantCulture), HeldSource.Result, r.Summary, r.ProcedureName, r.Code, r.IssuedOn,
            "ket-qua-" + r.Number.Replace('/', '-') + ".pdf", r.Number);

    private static HeldDocument Describe(NationalDocument d) =>
        new(NationalPrefix + d.Id, HeldSource.NationalStore, d.Name, d.Issuer, null, d.IssuedOn, d.FileName, d.Reference ?? d.Id);
}
