using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;

namespace MotCua.Web.Features.Notifications;

/// <summary>The applicant's contact as given on the dossier.</summary>
public sealed record ApplicantContact(string Name, string? Phone = null, string? Email = null);

/// <summary>
/// Something that happened to a dossier. <see cref="Notifier.RaiseAsync"/> fans it out, by configuration, into citizen
/// messages, officer alerts and what the registered <see cref="IDossierNoticeRecipient"/>s add (national-portal sync, webhooks).
/// </summary>
public sealed record DossierNotice
{
    public required int AgencyId { get; init; }

    public required string DossierCode { get; init; }

    public required DossierEventKind Kind { get; init; }

    public ApplicantContact? Applicant { get; init; }

    public string? ProcedureName { get; init; }

    /// <summary>The unit whose queue the dossier entered (officer alerts go to its active officers)…</summary>
    public int? UnitId { get; init; }

    /// <summary>…or the one specialist it was assigned to (then only that officer is alerted).</summary>
    public string? AssigneeUserId { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Free text for the {noiDung} placeholder (supplement reasons, notes).</summary>
    public string? Note { get; init; }

    /// <summary>The dossier in the national format; required for the events the portal hears about.</summary>
    public NationalDossierSnapshot? National { get; init; }
}
