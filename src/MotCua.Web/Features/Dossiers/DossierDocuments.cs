using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Documents;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Turns a stored dossier into the input records of the official form builders (Forms/), per form kind.</summary>
public static class DossierDocuments
{
    /// <summary>Form kinds by their URL slug (print view and PDF).</summary>
    public static readonly IReadOnlyDictionary<string, OfficialFormKind> Slugs = new Dictionary<string, OfficialFormKind>(StringComparer.Ordinal)
    {
        ["tiep-nhan"] = OfficialFormKind.ReceiptAndAppointment,
        ["bo-sung"] = OfficialFormKind.SupplementRequest,
        ["tu-choi"] = OfficialFormKind.Refusal,
        ["xin-loi"] = OfficialFormKind.ApologyAndReschedule,
        ["kiem-soat"] = OfficialFormKind.ProcessControl,
    };

    public static string Slug(OfficialFormKind kind) => Slugs.FirstOrDefault(s => s.Value == kind).Key ?? "";

    /// <summary>The result hand-over slip (phiếu bàn giao kết quả), printable once a result is issued.</summary>
    public const string HandOverSlug = "ban-giao";

    /// <summary>The confirmation of an online submission (the citizen's copy), for dossiers submitted online.</summary>
    public const string OnlineSubmissionSlug = "xac-nhan-nop";

    /// <summary>
    /// The document a slug names, in lower case for a sentence ("phiếu kiểm soát quá trình giải quyết hồ sơ"), with the
    /// current regime's titles; an unknown slug is named as a document, never shown as the slug.
    /// </summary>
    public static string DocumentName(string slug)
    {
        var title = Slugs.TryGetValue(slug, out var kind) ? LegalRegime.Decree118Of2025.Form(kind).Title
            : slug == HandOverSlug ? "Phiếu bàn giao kết quả giải quyết"
            : slug == OnlineSubmissionSlug ? "Giấy xác nhận nộp hồ sơ trực tuyến"
            : "Giấy tờ của hồ sơ";
        return char.ToLower(title[0], VietnamTime.Culture) + title[1..];
    }

    /// <summary>Whether the slug names a document of the dossier (an official form or one of the two above).</summary>
    public static bool IsDocument(string slug) => Slugs.ContainsKey(slug) || slug is HandOverSlug or OnlineSubmissionSlug;

    /// <summary>The documents besides the official forms this dossier has now: (slug, title).</summary>
    public static IReadOnlyList<(string Slug, string Title)> CitizenDocuments(Dossier d) =>
    [
        .. d.Channel == DossierChannel.Online ? [(OnlineSubmissionSlug, "Giấy xác nhận nộp hồ sơ trực tuyến")] : Array.Empty<(string, string)>(),
        .. d.CompletedAt is not null || d.ReturnedAt is not null ? [(HandOverSlug, "Phiếu bàn giao kết quả giải quyết")] : Array.Empty<(string, string)>(),
    ];

    /// <summary>The document a slug names, or null when the dossier has none of that kind.</summary>
    public static Task<OfficialDocument?> BuildAsync(AppDbContext db, CalendarProvider calendars, Dossier d, string slug, string lookupUrl, ContactDetails contact, TimeProvider time, CancellationToken ct) =>
        Slugs.TryGetValue(slug, out var kind) ? BuildAsync(db, d, kind, lookupUrl, contact, time, ct)
        : CitizenDocuments(d).Any(x => x.Slug == slug) ? BuildOtherAsync(db, calendars, d, slug, lookupUrl, contact, time, ct)
        : Task.FromResult<OfficialDocument?>(null);

    private static async Task<OfficialDocument?> BuildOtherAsync(AppDbContext db, CalendarProvider calendars, Dossier d, string slug, string lookupUrl, ContactDetails contact, TimeProvider time, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == d.AgencyId, ct);
        var desk = await db.Units.AsNoTracking().Where(u => u.AgencyId == d.AgencyId && u.Kind == UnitKind.OneStopDesk).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "Bộ phận Một cửa";
        var issuer = Issuer(agency, desk);
        var applicant = new FormApplicant(d.ApplicantName, contact.Address, contact.Phone, contact.Email, contact.IdNumber,
            d.ApplicantKind == ApplicantKind.Organisation ? contact.IdNumber : null, d.RepresentativeName);
        if (slug == OnlineSubmissionSlug)
        {
            var listed = await db.DossierPapers.AsNoTracking().Where(p => p.DossierId == d.Id).OrderBy(p => p.Seq).Select(p => new { p.Name, p.FileId }).ToListAsync(ct);
            var papers = listed.Where(p => p.FileId != null).ToDictionary(p => p.FileId!.Value, p => p.Name);
            // The files of the submission itself: those uploaded by the time it was submitted, not the later supplements.
            var files = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == d.Id && f.Kind == DossierFileKind.Component && f.UploadedAt <= d.SubmittedAt)
                .OrderBy(f => f.Id).Select(f => new { f.Id, f.FileName, f.Size }).ToListAsync(ct);
            var calculator = await calendars.CalculatorAsync(db, d.AgencyId, ct);
            return DossierForms.OnlineSubmission(new OnlineSubmissionInput(d.Code, issuer, applicant, d.ProcedureName, d.SubmittedAt,
                DossierQueue.OnlineCheckDue(d.SubmittedAt, calculator, d.Terms.OnlineCheckLimit),
                // A paper named without its file is still part of what was submitted: the citizen's copy says so rather than omit it.
                [.. files.Select(f => new SubmittedFile(papers.GetValueOrDefault(f.Id), f.FileName, f.Size)),
                 .. listed.Where(p => p.FileId == null).Select(p => new SubmittedFile(p.Name, "Chưa đính kèm tệp", null))], time.GetUtcNow(), lookupUrl));
        }
        var returned = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == d.Id && e.Action == DossierAction.Return)
            .OrderByDescending(e => e.Id).Select(e => new { e.At, e.ActorName }).FirstOrDefaultAsync(ct);
        IReadOnlyList<FormPaper> results = [new FormPaper("Kết quả giải quyết thủ tục hành chính: " + d.ProcedureName, "Bản chính", 1)];
        return DossierForms.ResultHandOver(new ResultHandOverInput(d.Code, issuer, applicant, d.ProcedureName, d.ReceivedAt ?? d.SubmittedAt,
            d.AppointmentAt, d.ReturnedAt, d.ReturnMethod is { } m ? Delivery(m) : null, results, returned?.ActorName, time.GetUtcNow(), lookupUrl));
    }

    /// <summary>How the result is handed over, as the slip prints it.</summary>
    public static string Delivery(ResultDelivery method) => method switch
    {
        ResultDelivery.AtDesk => "Nhận trực tiếp tại Bộ phận Một cửa",
        ResultDelivery.ByPost => "Qua dịch vụ bưu chính công ích",
        ResultDelivery.Online => "Kết quả điện tử (trực tuyến)",
    };

    /// <summary>The public look-up page the QR code points to (the applicant adds phone or ID number there), from the configured base URL.</summary>
    public static string LookupUrl(HttpRequest request, string code) =>
        request.HttpContext.RequestServices.GetRequiredService<PublicUrls>().Lookup(code, request);

    /// <summary>The agency as its documents print it: parent body, place and the signer of its letters, from its own data.</summary>
    public static FormIssuer Issuer(Agency agency, string deskName) =>
        new(agency.ParentBody, agency.Name, deskName, agency.PlaceName ?? "……", agency.Code, LetterSigner(agency));

    /// <summary>Who signs the agency's letters: the deputy "KT." when the agency says so, else the head.</summary>
    public static Signatory LetterSigner(Agency agency) =>
        agency.DeputySignsLetters && !string.IsNullOrWhiteSpace(agency.DeputyTitle)
            ? new Signatory(agency.HeadTitleOrDefault, SigningAuthority.Deputy, agency.DeputyTitle, agency.DeputyName)
            : new Signatory(agency.HeadTitleOrDefault, SigningAuthority.Head, null, agency.HeadName);

    /// <summary>
    /// The document for a form kind, or null when the dossier never had that form issued (and it is not the control slip).
    /// The applicant's contact is printed as <paramref name="contact"/> gives it: the caller opens it for the viewer
    /// (<see cref="PersonalDataReads.Open"/>), so a leader's copy is masked and the desk's copy for the citizen is full.
    /// </summary>
    public static async Task<OfficialDocument?> BuildAsync(AppDbContext db, Dossier d, OfficialFormKind kind, string lookupUrl, ContactDetails contact, TimeProvider time, CancellationToken ct)
    {
        var issued = await db.DossierForms.AsNoTracking().Where(f => f.DossierId == d.Id && f.Kind == kind).OrderByDescending(f => f.Id).FirstOrDefaultAsync(ct);
        if (issued is null && kind != OfficialFormKind.ProcessControl)
        {
            return null;
        }
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == d.AgencyId, ct);
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == d.AgencyId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var desk = await db.Units.AsNoTracking().Where(u => u.AgencyId == d.AgencyId && u.Kind == UnitKind.OneStopDesk).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "Bộ phận Một cửa";
        var officerName = issued?.IssuedBy is { } by
            ? await db.Users.AsNoTracking().Where(u => u.UserName == by).Select(u => u.FullName).FirstOrDefaultAsync(ct) ?? by
            : "";
        var issuer = Issuer(agency, desk);
        var applicant = new FormApplicant(d.ApplicantName, contact.Address, contact.Phone, contact.Email, contact.IdNumber,
            d.ApplicantKind == ApplicantKind.Organisation ? contact.IdNumber : null, d.RepresentativeName);
        var received = d.ReceivedAt ?? d.SubmittedAt;
        var at = issued?.IssuedAt ?? time.GetUtcNow();
        switch (kind)
        {
            case OfficialFormKind.ReceiptAndAppointment:
                var papers = await db.DossierPapers.AsNoTracking().Where(p => p.DossierId == d.Id && p.Present).OrderBy(p => p.Seq).ToListAsync(ct);
                var book = await TrackingBook.PlaceOfAsync(db, d.AgencyId, d.Id, d.ReceivedAt, ct);
                // Received regardless of boundary: the centre's desk issues the receipt and names the deciding agency.
                var centre = d.ReceivingAgencyId is { } centreId ? await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == centreId, ct) : null;
                var centreDesk = centre is null ? null : await db.Units.AsNoTracking().Where(u => u.Id == d.ReceivingUnitId || (d.ReceivingUnitId == null && u.AgencyId == centre.Id && u.Kind == UnitKind.OneStopDesk))
                    .Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "Bộ phận Một cửa";
                return DossierForms.ReceiptSlip(new ReceiptSlipInput(d.Code, centre is null ? issuer : Issuer(centre, centreDesk!), applicant, d.ProcedureName,
                    papers.Select(p => new FormPaper(p.Name, PaperKind(p.Form), p.Quantity)).ToList(), 1, d.ClockStartedAt ?? received,
                    d.AppointmentAt ?? received, ReturnText(d, agency.Name, d.ReturnAtCentreId is null ? null : centreDesk + ", " + centre?.Name), officerName, book?.Volume, book?.Seq, lookupUrl, FeeText(d))
                {
                    DecidingAgency = centre is null ? null : agency.Name,
                });
            case OfficialFormKind.SupplementRequest:
                return DossierForms.SupplementRequest(new SupplementRequestInput(d.Code, issuer, applicant, d.ProcedureName, received, at,
                    await SupplementLinesAsync(db, d, issued!, ct), issued!.Content ?? "", officerName, lookupUrl));
            case OfficialFormKind.Refusal:
                return DossierForms.Refusal(new RefusalInput(d.Code, issuer, applicant, d.ProcedureName, received, at, issued!.Content ?? "", officerName, lookupUrl));
            case OfficialFormKind.ApologyAndReschedule:
                // The letter is the agency's (the body that decides), signed for its head, whichever unit was late.
                var apology = await db.DossierApologies.AsNoTracking().Where(a => a.DossierId == d.Id).OrderByDescending(a => a.Id).FirstAsync(ct);
                var ground = apology.IssuedAt > apology.OriginalDueAt ? DelayGround.Overdue : DelayGround.Forecast;
                return DossierForms.Apology(new ApologyInput(d.Code, issuer, applicant, d.ProcedureName, received, apology.OriginalDueAt,
                    apology.NewAppointmentAt, apology.IssuedAt, apology.Reason, ground, lookupUrl));
            case OfficialFormKind.ProcessControl:
                var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == d.Id).OrderBy(e => e.Id).ToListAsync(ct);
                var names = await db.Users.AsNoTracking().Where(x => x.AgencyId == d.AgencyId).ToDictionaryAsync(x => x.UserName!, x => x.FullName, ct);
                string UnitName(int? id) => id is { } x && units.TryGetValue(x, out var un) ? un : desk;
                var handOvers = events.Where(e => e.Action is DossierAction.Transfer or DossierAction.Assign or DossierAction.Forward or DossierAction.Appraise
                        or DossierAction.ReturnToPreviousStep or DossierAction.Approve or DossierAction.Reject or DossierAction.Return or DossierAction.TransferInterAgency
                        or DossierAction.ReceiveInterAgencyResult)
                    // The approved result goes to the desk that returns it, whoever stays the dossier's assignee.
                    .Select(e => new HandOver(UnitName(e.FromUnitId), e.ActorName,
                        e.Action switch { DossierAction.Return => "Tổ chức, cá nhân", DossierAction.Approve => desk, _ => UnitName(e.ToUnitId) },
                        e.Action == DossierAction.Approve ? null : e.Assignee is { } who && names.TryGetValue(who, out var full) ? full : e.Assignee, e.At,
                        d.DueAt is { } due ? Judge(e.At, due) : null, e.Note))
                    .ToList();
                return DossierForms.ControlSlip(new ControlSlipInput(d.Code, issuer, applicant, d.ProcedureName, received, d.AppointmentAt ?? received,
                    agency.Name, d.InterAgencyPartner, handOvers, time.GetUtcNow(), lookupUrl));
            case OfficialFormKind.TrackingBook or OfficialFormKind.StopNotice:
                return null;
        }
        return null;
    }

    /// <summary>
    /// The items of the supplement request as recorded with it; for a request stored before items were recorded, the
    /// papers not handed in, or the request's note as one item.
    /// </summary>
    private static async Task<IReadOnlyList<SupplementLine>> SupplementLinesAsync(AppDbContext db, Dossier d, DossierForm issued, CancellationToken ct)
    {
        // A dossier may have the desk's guidance and the processing body's request: this form prints the request it was issued with.
        var all = await db.DossierSupplementItems.AsNoTracking().Where(i => i.DossierId == d.Id).ToListAsync(ct);
        var items = all.GroupBy(i => i.RequestedAt).OrderBy(g => (g.Key - issued.IssuedAt).Duration()).FirstOrDefault()?
            .OrderBy(i => i.Seq).ThenBy(i => i.Id).Select(i => new SupplementLine(i.Paper, i.Problem, i.LegalBasis, i.Code)).ToList() ?? [];
        if (items.Count > 0)
        {
            return items;
        }
        var missing = await db.DossierPapers.AsNoTracking().Where(p => p.DossierId == d.Id && !p.Present).OrderBy(p => p.Seq).Select(p => p.Name).ToListAsync(ct);
        return missing.Count > 0
            ? [.. missing.Select(m => new SupplementLine(m, "Chưa nộp thành phần hồ sơ này", null))]
            : [new SupplementLine("Hồ sơ", issued.Content ?? "", null)];
    }

    private static string Judge(DateTimeOffset at, DateTimeOffset due) => DeadlineCalculator.ClassifyResolved(at, due) switch
    {
        ResolutionTimeliness.Early => "Trước hạn",
        ResolutionTimeliness.OnTime => "Đúng hạn",
        ResolutionTimeliness.Late => "Quá hạn",
    };

    /// <summary>
    /// Where the applicant asked to get the result, as the receipt and the dossier page print it; <paramref name="centre"/>
    /// names the receiving centre's desk when the result goes back there.
    /// </summary>
    public static string ReturnText(Dossier d, string agencyName, string? centre = null) => d.ReturnChoice switch
    {
        ResultDelivery.ByPost => "Qua dịch vụ bưu chính công ích" + (d.ReturnAddress is { } a ? ", địa chỉ: " + a : ""),
        ResultDelivery.Online => "Nhận kết quả điện tử (trực tuyến) trên Cổng Dịch vụ công",
        ResultDelivery.AtDesk or null when centre is not null && ResultHandBack.ReturnsAtCentre(d.ReturnAtCentreId, d.ReturnChoice) => centre + " (nơi tiếp nhận hồ sơ)",
        ResultDelivery.AtDesk or null => "Bộ phận Một cửa, " + agencyName,
    };

    /// <summary>The receiving centre's desk and name where the result goes back, or null when the deciding agency returns it.</summary>
    public static async Task<string?> ReturnCentreAsync(AppDbContext db, Dossier d, CancellationToken ct)
    {
        if (d.ReturnAtCentreId is not { } centreId)
        {
            return null;
        }
        var centre = await db.Agencies.AsNoTracking().Where(a => a.Id == centreId).Select(a => a.Name).SingleAsync(ct);
        var desk = await db.Units.AsNoTracking().Where(u => u.Id == d.ReceivingUnitId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        return desk is null ? centre : desk + ", " + centre;
    }

    /// <summary>The fee as the receipt prints it, with the reason when it differs from the catalogue's.</summary>
    public static string FeeText(Dossier d) =>
        (d.FeeAmount == 0 ? "Không thu" : d.FeeAmount.ToString("N0", VietnamTime.Culture) + " đồng")
        + (d.FeeNote is { } why ? " (" + why + ")" : "");

    public static string PaperKind(PaperCopyKind kind) => kind switch
    {
        PaperCopyKind.Original => "Bản chính",
        PaperCopyKind.Copy => "Bản sao",
        PaperCopyKind.CertifiedCopy => "Bản sao chứng thực",
    };
}
