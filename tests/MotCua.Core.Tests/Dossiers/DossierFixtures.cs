using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

using static MotCua.Core.Tests.Calendar.CalendarTestData;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>Dossiers walked through the machine itself, so fixtures are states a real dossier can reach.</summary>
internal static class DossierFixtures
{
    public const string Desk = DossierRoles.OneStopOfficer;
    public const string Specialist = DossierRoles.Specialist;
    public const string Leader = DossierRoles.Leader;
    public const string Admin = DossierRoles.Admin;
    public const string Applicant = DossierRoles.Applicant;

    /// <summary>Every role string the web knows, plus the applicant.</summary>
    public static readonly string[] AllRoles = [Desk, Specialist, Leader, Admin, Applicant, "ControlFocalOfficer"];

    /// <summary>5 working days, two processing steps, restart on supplement.</summary>
    public static DossierTerms Terms(SupplementClockPolicy policy = SupplementClockPolicy.Restart, int steps = 2) =>
        new(ProcessingTime.WorkingDays(5), steps, ApplyCutoff: false, policy);

    /// <summary>A context at a local instant "yyyy-MM-ddTHH:mm" (+07:00) with the given roles.</summary>
    public static TransitionContext Ctx(string local, params string[] roles) =>
        new(At(local), roles, Calculator);

    public static DateTimeOffset At(string local) => T(local + ":00+07:00");

    /// <summary>Applies and asserts success, with a useful message when it fails.</summary>
    public static DossierState Do(this DossierState state, DossierAction action, TransitionContext ctx)
    {
        TransitionResult result = DossierStateMachine.Apply(state, action, ctx);
        Assert.True(result.Succeeded, $"{action} from {state.Status} refused: {result.Message}");
        return result.State;
    }

    /// <summary>Received at the desk on Monday 10/3/2025 09:00 (due Monday 17/3/2025 09:00).</summary>
    public static DossierState ReceivedDossier(DossierTerms? terms = null) =>
        DossierState.Start(DossierChannel.Direct, terms ?? Terms())
            .Do(DossierAction.Receive, Ctx("2025-03-10T09:00", Desk));

    /// <summary>Received, transferred to step 0 at 10:00 and assigned to "chuyenvien".</summary>
    public static DossierState DossierInProcessing(DossierTerms? terms = null) =>
        ReceivedDossier(terms)
            .Do(DossierAction.Transfer, Ctx("2025-03-10T10:00", Desk))
            .Do(DossierAction.Assign, Ctx("2025-03-10T10:30", Leader) with { Assignee = "chuyenvien" });

    /// <summary>At the last of two steps.</summary>
    public static DossierState DossierAtLastStep(DossierTerms? terms = null) =>
        DossierInProcessing(terms).Do(DossierAction.Forward, Ctx("2025-03-11T09:00", Specialist));

    public static DossierState DossierAwaitingApproval(DossierTerms? terms = null) =>
        DossierAtLastStep(terms).Do(DossierAction.Appraise, Ctx("2025-03-12T09:00", Specialist));

    public static DossierState DossierWithResult(DossierTerms? terms = null) =>
        DossierAwaitingApproval(terms).Do(DossierAction.Approve, Ctx("2025-03-13T09:00", Leader));

    /// <summary>A context that carries every input any action may need.</summary>
    public static TransitionContext Full(string local, params string[] roles) => Ctx(local, roles) with
    {
        Note = "Lý do cụ thể",
        Assignee = "chuyenvien2",
        NewAppointment = At("2025-04-30T09:00"),
        Delivery = ResultDelivery.AtDesk,
        Partner = "Sở Tài chính tỉnh Phú Yên",
    };

    /// <summary>A representative state in a status, suited to the action (e.g. the last step for Appraise).</summary>
    public static DossierState StateIn(DossierStatus status, DossierAction action) => status switch
    {
        DossierStatus.Draft => DossierState.Start(DossierChannel.Online, Terms()),
        DossierStatus.Submitted => DossierState.Start(DossierChannel.Direct, Terms()),
        DossierStatus.AwaitingSupplement => DossierInProcessing()
            .Do(DossierAction.RequestSupplement, Ctx("2025-03-11T09:00", Specialist) with { Note = "Thiếu bản sao giấy phép" }),
        DossierStatus.Received => ReceivedDossier(),
        DossierStatus.InProcessing => action is DossierAction.Appraise or DossierAction.ReturnToPreviousStep ? DossierAtLastStep() : DossierInProcessing(),
        DossierStatus.AwaitingApproval => DossierAwaitingApproval(),
        DossierStatus.AwaitingInterAgency => DossierInProcessing()
            .Do(DossierAction.TransferInterAgency, Ctx("2025-03-11T09:00", Specialist) with { Partner = "Sở Tài chính" }),
        DossierStatus.AwaitingFinancialObligation => DossierInProcessing()
            .Do(DossierAction.PauseForFinancialObligation, Ctx("2025-03-11T09:00", Specialist)),
        DossierStatus.Suspended => DossierInProcessing()
            .Do(DossierAction.Suspend, Ctx("2025-03-11T09:00", Leader) with { Note = "Chờ ý kiến cơ quan cấp trên" }),
        DossierStatus.ResultIssued => DossierWithResult(),
        DossierStatus.Returned => DossierWithResult().Do(DossierAction.Return, Ctx("2025-03-14T09:00", Desk) with { Delivery = ResultDelivery.AtDesk }),
        DossierStatus.Refused => DossierState.Start(DossierChannel.Direct, Terms())
            .Do(DossierAction.Refuse, Ctx("2025-03-10T09:00", Desk) with { Note = "Không thuộc thẩm quyền" }),
        DossierStatus.RefusedAfterReceipt => DossierAwaitingApproval()
            .Do(DossierAction.Refuse, Ctx("2025-03-13T09:00", Leader) with { Note = "Không đủ điều kiện" }),
        DossierStatus.Withdrawn => ReceivedDossier().Do(DossierAction.Withdraw, Ctx("2025-03-11T09:00", Applicant)),
        DossierStatus.Stopped => DossierInProcessing().Do(DossierAction.Stop, Ctx("2025-03-11T09:00", Leader) with { Note = "Dừng theo đề nghị" }),
    };
}
