using MotCua.Core.Dossiers;
using MotCua.Web.Shared.Files;

namespace MotCua.Web.Features.Dossiers;

public enum OutcomeKind
{
    Ok,
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
    Unprocessable,
}

/// <summary>The result of a workflow call: the dossier, or why not (Vietnamese title/detail, field errors for 400).</summary>
public sealed record WorkflowOutcome(OutcomeKind Kind, Dossier? Dossier = null, string? Title = null, string? Detail = null,
    Dictionary<string, string[]>? Errors = null, TransitionResult? Transition = null, string? ReplayJson = null)
{
    public bool Succeeded => Kind == OutcomeKind.Ok;

    public const string ConcurrencyMessage = "Hồ sơ đã được cập nhật bởi người khác, vui lòng tải lại.";

    public static WorkflowOutcome Invalid(string field, string message) =>
        new(OutcomeKind.Invalid, Title: "Dữ liệu không hợp lệ.", Errors: new(StringComparer.Ordinal) { [field] = [message] });

    public static WorkflowOutcome Concurrency() => new(OutcomeKind.Conflict, Title: ConcurrencyMessage, Detail: ConcurrencyMessage);

    public string Message => Errors is { Count: > 0 } e ? string.Join(" ", e.Values.SelectMany(v => v)) : Detail ?? Title ?? "";
}

public enum ReceiptOutcome
{
    /// <summary>Complete: received with an appointment.</summary>
    Receive,

    /// <summary>Incomplete: supplement requested at the desk check.</summary>
    RequestSupplement,

    /// <summary>Outside competence or not eligible.</summary>
    Refuse,

    /// <summary>An online (or postal) dossier waiting for the desk check (status Submitted).</summary>
    Submit,
}

/// <param name="Representative">For an organisation, the person submitting on its behalf; null otherwise.</param>
public sealed record ApplicantInput(ApplicantKind Kind, string? Name, string? IdNumber, string? Phone, string? Email, string? Address,
    string? Representative = null);

/// <param name="File">The paper's file when it is also among the receipt's files (the online form uploads one per paper).</param>
public sealed record PaperInput(string? Name, bool Present, PaperCopyKind Form = PaperCopyKind.Original, int Quantity = 1, IncomingFile? File = null)
{
    /// <summary>The <see cref="DossierPaper.Seq"/> of the paper <paramref name="file"/> belongs to (papers are numbered from 1 in order), or null.</summary>
    public static int? SeqOf(IReadOnlyList<PaperInput> papers, IncomingFile file)
    {
        ArgumentNullException.ThrowIfNull(papers);
        for (var i = 0; i < papers.Count; i++)
        {
            if (papers[i].File is { } f && ReferenceEquals(f, file))
            {
                return i + 1;
            }
        }
        return null;
    }
}

public sealed record ReceiptInput(
    string? ProcedureCode,
    DossierChannel Channel,
    ApplicantInput Applicant,
    IReadOnlyList<PaperInput> Papers,
    ReceiptOutcome Outcome = ReceiptOutcome.Receive,
    string? Note = null,
    PaymentStatus Payment = PaymentStatus.Unpaid,
    IReadOnlyList<IncomingFile>? Files = null,
    int? TransferToUnitId = null)
{
    /// <summary>How the applicant wants the result (by post only where the procedure returns by post).</summary>
    public ResultDelivery? ReturnChoice { get; init; }

    /// <summary>Where the post delivers the result; the applicant's address when left empty.</summary>
    public string? ReturnAddress { get; init; }

    /// <summary>The fee charged, in đồng; null takes the catalogue's. A different amount needs <see cref="FeeNote"/>.</summary>
    public long? FeeAmount { get; init; }

    public string? FeeNote { get; init; }

    /// <summary>The agency deciding the procedure when a service centre receives for it regardless of boundary; null for the caller's own.</summary>
    public int? ForAgencyId { get; init; }

    /// <summary>The national portal's dossier code (MaHoSoQG): set only by the national-portal adapter, the one way a <see cref="DossierChannel.NationalPortal"/> dossier enters.</summary>
    public string? NationalCode { get; init; }

    /// <summary>When the applicant submitted elsewhere (on the national portal): the procedure version in force then applies.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>With <see cref="ForAgencyId"/> and a return at a desk: the applicant collects the result at the receiving centre, not at the deciding agency.</summary>
    public bool ReturnAtCentre { get; init; } = true;
}

/// <summary>The inputs some actions need (see <see cref="TransitionContext"/>), plus the unit for a transfer.</summary>
public sealed record ActionInput(
    string? Note = null,
    string? Assignee = null,
    int? UnitId = null,
    int? TargetStep = null,
    DateTimeOffset? NewAppointment = null,
    ResultDelivery? Delivery = null,
    string? Partner = null,
    IncomingFile? ResultFile = null,
    IReadOnlyList<SupplementItem>? SupplementItems = null,
    string? LeaderUserId = null,
    SupplementAct? SupplementAct = null,
    string? RepeatReason = null);

/// <summary>How a refused decision answers: the HTTP-facing outcome with the same titles for every command.</summary>
internal static class Refusals
{
    public static WorkflowOutcome Of(DecisionRefusal r) => r.Kind switch
    {
        DecisionRefusalKind.NotAllowedInStatus => new(OutcomeKind.Conflict, Title: "Không thực hiện được thao tác.", Detail: r.Message, Transition: r.Transition),
        DecisionRefusalKind.RoleNotPermitted => new(OutcomeKind.Forbidden, Title: "Không có quyền thực hiện thao tác.", Detail: r.Message, Transition: r.Transition),
        DecisionRefusalKind.MissingInput => new(OutcomeKind.Invalid, Title: "Thiếu thông tin.", Detail: r.Message, Transition: r.Transition,
            Errors: new(StringComparer.Ordinal) { [r.Field] = [r.Message] }),
        DecisionRefusalKind.RuleViolated => new(OutcomeKind.Unprocessable, Title: "Thao tác trái quy định.", Detail: r.Message, Transition: r.Transition),
        DecisionRefusalKind.InvalidInput => WorkflowOutcome.Invalid(r.Field, r.Message),
    };
}
