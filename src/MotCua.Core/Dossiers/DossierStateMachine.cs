using System.Globalization;

using MotCua.Core.Calendar;

using static MotCua.Core.Dossiers.DossierAction;
using static MotCua.Core.Dossiers.DossierStatus;

namespace MotCua.Core.Dossiers;

/// <summary>
/// The one table of dossier transitions. Every (action, status) pair is listed below — there is no discard arm, so a
/// new status or action that is not placed in the table is a build error (CS8509). A pair either names the roles that
/// may act and the rule that builds the new state, or is an explicit refusal with a Vietnamese reason.
/// </summary>
/// <remarks>
/// Order of checks in <see cref="Apply"/>: the table (status), then the role, then the rule's inputs and legal limits.
/// No rule returns the state unchanged: each success changes at least one field, and is a history entry for the web.
/// </remarks>
public static class DossierStateMachine
{
    private delegate TransitionResult Handler(DossierState state, TransitionContext ctx);

    private sealed record Rule(Handler? Handler, string[] Roles);

    private static readonly Rule Denied = new(null, []);

    private const string Desk = DossierRoles.OneStopOfficer;
    private const string Specialist = DossierRoles.Specialist;
    private const string Leader = DossierRoles.Leader;
    private const string Admin = DossierRoles.Admin;
    private const string Applicant = DossierRoles.Applicant;
    private const string PostalCarrier = DossierRoles.PostalCarrier;

    private static Rule Allow(Handler handler, params string[] roles) => new(handler, roles);

    // The table: one switch per action over every status. Both levels switch on a single enum with no discard arm,
    // so a status or action missing anywhere is CS8509, a build error. (A switch on an (action, status) tuple would
    // report the gap as CS8524, which the build does not enforce.) Read one action at a time: allowed statuses first.
    private static Rule Table(DossierAction action, DossierStatus status) => action switch
    {
        Submit => status switch
        {
            Draft => Allow(OnSubmit, Applicant),
            Submitted or AwaitingSupplement or Received or InProcessing or AwaitingApproval or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },

        Receive => status switch
        {
            Submitted => Allow(OnReceive, Desk),
            Draft or AwaitingSupplement or Received or InProcessing or AwaitingApproval or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },

        RequestSupplement => status switch
        {
            Submitted => Allow(OnRequestSupplement, Desk),
            InProcessing => Allow(OnRequestSupplement, Specialist, Leader),
            Draft or AwaitingSupplement or Received or AwaitingApproval or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },

        ResubmitSupplement => status switch
        {
            AwaitingSupplement => Allow(OnResubmitSupplement, Applicant, Desk),
            Draft or Submitted or Received or InProcessing or AwaitingApproval or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },

        Refuse => status switch
        {
            Submitted => Allow(OnRefuse, Desk),
            InProcessing or AwaitingApproval => Allow(OnRefuse, Leader),
            Draft or AwaitingSupplement or Received or AwaitingInterAgency or AwaitingFinancialObligation or Suspended
                or ResultIssued or Returned or Refused or RefusedAfterReceipt or Withdrawn or Stopped => Denied,
        },

        Transfer => status switch
        {
            Received => Allow(OnTransfer, Desk),
            Draft or Submitted or AwaitingSupplement or InProcessing or AwaitingApproval or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },

        Assign => status switch
        {
            InProcessing => Allow(OnAssign, Leader, Admin),
            Draft or Submitted or AwaitingSupplement or Received or AwaitingApproval or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },

        Forward => status switch
        {
            InProcessing => Allow(OnForward, Specialist, Leader),
            Draft or Submitted or AwaitingSupplement or Received or AwaitingApproval or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },

        Appraise => status switch
        {
            InProcessing => Allow(OnAppraise, Specialist),
            Draft or Submitted or AwaitingSupplement or Received or AwaitingApproval or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },

        ReturnToPreviousStep => status switch
        {
            InProcessing => Allow(OnReturnToPreviousStep, Specialist, Leader),
            Draft or Submitted or AwaitingSupplement or Received or AwaitingApproval or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },

        Approve => status switch
        {
            AwaitingApproval => Allow(OnApprove, Leader),
            Draft or Submitted or AwaitingSupplement or Received or InProcessing or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },

        Reject => status switch
        {
            AwaitingApproval => Allow(OnReject, Leader),
            Draft or Submitted or AwaitingSupplement or Received or InProcessing or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },

        Return => status switch
        {
            ResultIssued => Allow(OnReturn, Desk, PostalCarrier),
            Draft or Submitted or AwaitingSupplement or Received or InProcessing or AwaitingApproval or
                AwaitingInterAgency or AwaitingFinancialObligation or Suspended or Returned or Refused or
                RefusedAfterReceipt or Withdrawn or Stopped => Denied,
        },

        // Withdrawal is allowed until the result is returned.
        Withdraw => status switch
        {
            Submitted or AwaitingSupplement or Received or InProcessing or AwaitingApproval or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended or ResultIssued => Allow(OnWithdraw, Applicant, Desk),
            Draft or Returned or Refused or RefusedAfterReceipt or Withdrawn or Stopped => Denied,
        },

        PauseForFinancialObligation => status switch
        {
            InProcessing or AwaitingApproval or ResultIssued => Allow(OnPauseForFinancialObligation, Specialist, Leader,
                Desk),
            Draft or Submitted or AwaitingSupplement or Received or AwaitingInterAgency or AwaitingFinancialObligation
                or Suspended or Returned or Refused or RefusedAfterReceipt or Withdrawn or Stopped => Denied,
        },

        ResumeAfterFinancialObligation => status switch
        {
            AwaitingFinancialObligation => Allow(OnResumeAfterPause, Desk, Specialist),
            Draft or Submitted or AwaitingSupplement or Received or InProcessing or AwaitingApproval or
                AwaitingInterAgency or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or Withdrawn
                or Stopped => Denied,
        },

        Suspend => status switch
        {
            InProcessing or AwaitingApproval => Allow(OnSuspend, Leader),
            Draft or Submitted or AwaitingSupplement or Received or AwaitingInterAgency or AwaitingFinancialObligation
                or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or Withdrawn or Stopped =>
                Denied,
        },

        Resume => status switch
        {
            Suspended => Allow(OnResumeAfterPause, Leader),
            Draft or Submitted or AwaitingSupplement or Received or InProcessing or AwaitingApproval or
                AwaitingInterAgency or AwaitingFinancialObligation or ResultIssued or Returned or Refused or
                RefusedAfterReceipt or Withdrawn or Stopped => Denied,
        },

        // Stopping applies while no decision is issued (ND118 Art. 21); also closes an unanswered supplement request.
        Stop => status switch
        {
            AwaitingSupplement or Received or InProcessing or AwaitingApproval or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended => Allow(OnStop, Leader, Desk),
            Draft or Submitted or ResultIssued or Returned or Refused or RefusedAfterReceipt or Withdrawn or Stopped =>
                Denied,
        },

        ApologyReschedule => status switch
        {
            InProcessing or AwaitingApproval or AwaitingInterAgency => Allow(OnApologyReschedule, Specialist, Leader,
                Desk),
            Draft or Submitted or AwaitingSupplement or Received or AwaitingFinancialObligation or Suspended or
                ResultIssued or Returned or Refused or RefusedAfterReceipt or Withdrawn or Stopped => Denied,
        },

        TransferInterAgency => status switch
        {
            InProcessing => Allow(OnTransferInterAgency, Specialist, Leader),
            Draft or Submitted or AwaitingSupplement or Received or AwaitingApproval or AwaitingInterAgency or
                AwaitingFinancialObligation or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },

        ReceiveInterAgencyResult => status switch
        {
            AwaitingInterAgency => Allow(OnReceiveInterAgencyResult, Specialist, Leader, Desk),
            Draft or Submitted or AwaitingSupplement or Received or InProcessing or AwaitingApproval or
                AwaitingFinancialObligation or Suspended or ResultIssued or Returned or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },

        DigitiseResult => status switch
        {
            ResultIssued or Returned => Allow(OnDigitiseResult, Desk, Specialist),
            Draft or Submitted or AwaitingSupplement or Received or InProcessing or AwaitingApproval or
                AwaitingInterAgency or AwaitingFinancialObligation or Suspended or Refused or RefusedAfterReceipt or
                Withdrawn or Stopped => Denied,
        },
    };

    // ================================================================== public API

    /// <summary>Applies an action: the new state, or a refusal with its kind and Vietnamese reason. Never throws for bad input.</summary>
    public static TransitionResult Apply(DossierState state, DossierAction action, TransitionContext ctx)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ctx);
        Rule rule = Table(action, state.Status);
        if (rule.Handler is null)
        {
            return TransitionResult.Refused(state.Status, action, RefusalKind.NotAllowedInStatus, DossierText.NotAllowed(state.Status, action));
        }

        if (!ctx.ActorRoles.Any(r => rule.Roles.Contains(r, StringComparer.Ordinal)))
        {
            string who = string.Join(" hoặc ", rule.Roles.Select(DossierText.RoleName));
            return TransitionResult.Refused(state.Status, action, RefusalKind.RoleNotPermitted,
                "Chỉ " + who + " mới được " + DossierText.Verb(action) + " khi hồ sơ " + DossierText.StatePhrase(state.Status) + ".");
        }

        return rule.Handler(state, ctx);
    }

    /// <summary>Whether the table allows the action in the status (roles and rules aside).</summary>
    public static bool IsAllowedInStatus(DossierStatus status, DossierAction action) => Table(action, status).Handler is not null;

    /// <summary>The roles that may perform the action in the status; empty when the table refuses it.</summary>
    public static IReadOnlyList<string> RolesFor(DossierStatus status, DossierAction action) => Table(action, status).Roles;

    /// <summary>Actions the table and the roles allow now (for buttons); a rule may still refuse one (e.g. a second supplement).</summary>
    public static IReadOnlyList<DossierAction> AvailableActions(DossierStatus status, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return Enum.GetValues<DossierAction>()
            .Where(a => Table(a, status) is { Handler: not null } r && roles.Any(role => r.Roles.Contains(role, StringComparer.Ordinal)))
            .ToList();
    }

    /// <summary>Final statuses: no action changes them except digitising a returned result.</summary>
    public static bool IsTerminal(DossierStatus status) => status switch
    {
        Returned or Refused or RefusedAfterReceipt or Withdrawn or Stopped => true,
        Draft or Submitted or AwaitingSupplement or Received or InProcessing or AwaitingApproval or AwaitingInterAgency
            or AwaitingFinancialObligation or Suspended or ResultIssued => false,
    };

    /// <summary>
    /// The kind of pause a status holds the clock for, or null when the clock runs (or has not started / has ended).
    /// Entering these statuses is <see cref="ClockEffect.Pause"/>; leaving them is Resume, or Restart for a supplement
    /// under <see cref="SupplementClockPolicy.Restart"/>.
    /// </summary>
    public static PauseReason? PauseReasonOf(DossierStatus status) => status switch
    {
        AwaitingSupplement => PauseReason.AwaitingSupplement,
        AwaitingFinancialObligation => PauseReason.AwaitingFinancialObligation,
        Suspended => PauseReason.Suspended,
        Draft or Submitted or Received or InProcessing or AwaitingApproval or AwaitingInterAgency or ResultIssued
            or Returned or Refused or RefusedAfterReceipt or Withdrawn or Stopped => null,
    };

    /// <summary>
    /// The latest instant to issue the apology with a new appointment: one working day before the due instant, at the
    /// same clock time ("chậm nhất 01 ngày làm việc trước ngày hẹn trả kết quả").
    /// </summary>
    public static DateTimeOffset LatestApologyAt(DateTimeOffset dueAt, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        DateTime local = dueAt.ToOffset(DeadlineCalculator.VietnamOffset).DateTime;
        DateOnly previous = calendar.AddWorkingDays(DateOnly.FromDateTime(local), -1);
        return new DateTimeOffset(previous.ToDateTime(TimeOnly.FromDateTime(local)), DeadlineCalculator.VietnamOffset);
    }

    // ================================================================== rules

    private static TransitionResult OnSubmit(DossierState s, TransitionContext ctx) =>
        TransitionResult.Ok(s.Status, Submit, s with { Status = Submitted });

    private static TransitionResult OnReceive(DossierState s, TransitionContext ctx)
    {
        DateTimeOffset? due = s.Terms.ProcessingTime is { } time
            ? ctx.Calculator.ComputeDue(ctx.At, time, s.Terms.Options([]))
            : null;
        DossierState next = s with
        {
            Status = Received,
            ReceivedAt = ctx.At,
            ClockStartedAt = ctx.At,
            AppointmentAt = due,
            DueAt = due,
        };
        return TransitionResult.Ok(s.Status, Receive, next, ClockEffect.Start, form: OfficialFormKind.ReceiptAndAppointment);
    }

    private static TransitionResult OnRequestSupplement(DossierState s, TransitionContext ctx)
    {
        SupplementAct act = SupplementRules.ActFor(s.Status);
        if (SupplementRules.AlreadyMade(s, act))
        {
            return Violation(s, RequestSupplement, SupplementRules.OnceRefusal(act, ctx.At));
        }

        if (MissingNote(s, RequestSupplement, ctx, "Vui lòng nêu rõ nội dung, lý do cần bổ sung và hướng dẫn đầy đủ một lần.") is { } missing)
        {
            return missing;
        }

        if (s.Status == Submitted)
        {
            // At the desk check the dossier is not received yet: no clock is running.
            return TransitionResult.Ok(s.Status, RequestSupplement,
                s with { Status = AwaitingSupplement, DeskGuidanceGiven = true, ResumeStatus = null },
                form: OfficialFormKind.SupplementRequest, explanation: AccountabilityCase.Supplement);
        }

        DossierState paused = PauseClock(s, ctx.At, PauseReason.AwaitingSupplement) with
        {
            Status = AwaitingSupplement,
            SupplementRequested = true,
        };
        return TransitionResult.Ok(s.Status, RequestSupplement, paused, ClockEffect.Pause, PauseReason.AwaitingSupplement,
            OfficialFormKind.SupplementRequest, AccountabilityCase.Supplement);
    }

    private static TransitionResult OnResubmitSupplement(DossierState s, TransitionContext ctx)
    {
        if (s.ReceivedAt is null)
        {
            // Supplement asked at the desk check: the desk checks the completed dossier again.
            return TransitionResult.Ok(s.Status, ResubmitSupplement, s with { Status = Submitted });
        }

        // An imported dossier may not know the status it was in before the pause: processing is the safe guess.
        DossierStatus resume = s.ResumeStatus ?? InProcessing;

        if (s.Terms.SupplementPolicy == SupplementClockPolicy.Restart)
        {
            DateTimeOffset? due = s.Terms.ProcessingTime is { } time
                ? ctx.Calculator.ComputeDue(ctx.At, time, s.Terms.Options([]))
                : null;
            DossierState restarted = s with
            {
                Status = resume,
                ResumeStatus = null,
                OpenPause = null,
                Pauses = [],
                ClockStartedAt = ctx.At,
                StepStartedAt = ctx.At,
                AppointmentAt = due,
                DueAt = due,
            };
            // A recounted time limit is a new appointment: the desk issues a new receipt slip.
            return TransitionResult.Ok(s.Status, ResubmitSupplement, restarted, ClockEffect.Restart, form: OfficialFormKind.ReceiptAndAppointment);
        }

        return TransitionResult.Ok(s.Status, ResubmitSupplement, ResumeClock(s, ctx) with { Status = resume }, ClockEffect.Resume);
    }

    private static TransitionResult OnRefuse(DossierState s, TransitionContext ctx)
    {
        if (MissingNote(s, Refuse, ctx, "Vui lòng nêu rõ lý do từ chối.") is { } missing)
        {
            return missing;
        }

        if (s.Status == Submitted)
        {
            // Refused at the desk: never an appointment, the clock never started.
            return TransitionResult.Ok(s.Status, Refuse, s with { Status = Refused, ClosedAt = ctx.At },
                form: OfficialFormKind.Refusal, explanation: AccountabilityCase.Refusal);
        }

        return TransitionResult.Ok(s.Status, Refuse, Close(s, ctx.At) with { Status = RefusedAfterReceipt },
            ClockEffect.End, explanation: AccountabilityCase.Refusal);
    }

    private static TransitionResult OnTransfer(DossierState s, TransitionContext ctx) =>
        TransitionResult.Ok(s.Status, Transfer, s with
        {
            Status = InProcessing,
            CurrentStep = 0,
            StepStartedAt = ctx.At,
            Assignee = Blank(ctx.Assignee) ? null : ctx.Assignee,
        });

    private static TransitionResult OnAssign(DossierState s, TransitionContext ctx)
    {
        if (Blank(ctx.Assignee))
        {
            return Missing(s, Assign, "Vui lòng chọn cán bộ được phân công.");
        }

        if (string.Equals(s.Assignee, ctx.Assignee, StringComparison.Ordinal))
        {
            return Violation(s, Assign, "Hồ sơ đã được phân công cho cán bộ này.");
        }

        return TransitionResult.Ok(s.Status, Assign, s with { Assignee = ctx.Assignee });
    }

    private static TransitionResult OnForward(DossierState s, TransitionContext ctx)
    {
        if (s.CurrentStep >= s.Terms.StepCount - 1)
        {
            return Violation(s, Forward, "Hồ sơ đang ở bước xử lý cuối cùng; hãy trình lãnh đạo phê duyệt.");
        }

        return TransitionResult.Ok(s.Status, Forward, s with
        {
            CurrentStep = s.CurrentStep + 1,
            StepStartedAt = ctx.At,
            Assignee = Blank(ctx.Assignee) ? null : ctx.Assignee,
        });
    }

    private static TransitionResult OnAppraise(DossierState s, TransitionContext ctx)
    {
        if (s.CurrentStep < s.Terms.StepCount - 1)
        {
            string steps = (s.Terms.StepCount - 1 - s.CurrentStep).ToString(CultureInfo.InvariantCulture);
            return Violation(s, Appraise, "Hồ sơ còn " + steps + " bước xử lý chưa thực hiện; hãy chuyển bước tiếp theo trước khi trình phê duyệt.");
        }

        return TransitionResult.Ok(s.Status, Appraise, s with { Status = AwaitingApproval });
    }

    private static TransitionResult OnReturnToPreviousStep(DossierState s, TransitionContext ctx)
    {
        if (s.CurrentStep == 0)
        {
            return Violation(s, ReturnToPreviousStep, "Hồ sơ đang ở bước xử lý đầu tiên, không có bước trước để trả lại.");
        }

        if (MissingNote(s, ReturnToPreviousStep, ctx, "Vui lòng nêu rõ lý do trả lại.") is { } missing)
        {
            return missing;
        }

        int target = ctx.TargetStep ?? s.CurrentStep - 1;
        if (target < 0 || target >= s.CurrentStep)
        {
            return Missing(s, ReturnToPreviousStep, "Bước trả lại phải là một bước trước bước hiện tại.");
        }

        return TransitionResult.Ok(s.Status, ReturnToPreviousStep, s with
        {
            CurrentStep = target,
            StepStartedAt = ctx.At,
            Assignee = Blank(ctx.Assignee) ? null : ctx.Assignee,
        });
    }

    private static TransitionResult OnApprove(DossierState s, TransitionContext ctx) =>
        TransitionResult.Ok(s.Status, Approve, s with { Status = ResultIssued, CompletedAt = ctx.At });

    private static TransitionResult OnReject(DossierState s, TransitionContext ctx)
    {
        if (MissingNote(s, Reject, ctx, "Vui lòng nêu rõ lý do không phê duyệt.") is { } missing)
        {
            return missing;
        }

        return TransitionResult.Ok(s.Status, Reject, s with { Status = InProcessing, StepStartedAt = ctx.At });
    }

    private static TransitionResult OnReturn(DossierState s, TransitionContext ctx)
    {
        if (ctx.Delivery is not { } delivery)
        {
            return Missing(s, Return, "Vui lòng chọn hình thức trả kết quả (tại Bộ phận Một cửa, qua bưu chính hoặc trực tuyến).");
        }

        // The carrier's delivery report returns only what it delivered; every other return is the desk's.
        if (delivery != ResultDelivery.ByPost && !ctx.ActorRoles.Contains(Desk, StringComparer.Ordinal))
        {
            return Violation(s, Return, "Bưu chính công ích chỉ ghi nhận trả kết quả qua bưu chính.");
        }

        // The return instant ends the on-time count, judged against the legal due instant, never the rescheduled one.
        bool late = s.DueAt is { } due && ctx.At > due;
        return TransitionResult.Ok(s.Status, Return, s with { Status = Returned, ReturnedAt = ctx.At, ReturnMethod = delivery },
            ClockEffect.End, explanation: late ? AccountabilityCase.Late : null);
    }

    private static TransitionResult OnWithdraw(DossierState s, TransitionContext ctx) =>
        TransitionResult.Ok(s.Status, Withdraw, Close(s, ctx.At) with { Status = Withdrawn },
            s.ClockStartedAt is null ? ClockEffect.None : ClockEffect.End);

    private static TransitionResult OnPauseForFinancialObligation(DossierState s, TransitionContext ctx) =>
        TransitionResult.Ok(s.Status, PauseForFinancialObligation,
            PauseClock(s, ctx.At, PauseReason.AwaitingFinancialObligation) with { Status = AwaitingFinancialObligation },
            ClockEffect.Pause, PauseReason.AwaitingFinancialObligation);

    private static TransitionResult OnSuspend(DossierState s, TransitionContext ctx)
    {
        if (MissingNote(s, Suspend, ctx, "Vui lòng nêu rõ lý do tạm dừng.") is { } missing)
        {
            return missing;
        }

        return TransitionResult.Ok(s.Status, Suspend, PauseClock(s, ctx.At, PauseReason.Suspended) with { Status = Suspended },
            ClockEffect.Pause, PauseReason.Suspended);
    }

    // Shared by Resume and ResumeAfterFinancialObligation: back to the status the pause interrupted.
    private static TransitionResult OnResumeAfterPause(DossierState s, TransitionContext ctx)
    {
        DossierAction action = s.Status == Suspended ? Resume : ResumeAfterFinancialObligation;
        DossierStatus back = s.ResumeStatus ?? InProcessing; // unknown for imported dossiers: processing is the safe guess
        return TransitionResult.Ok(s.Status, action, ResumeClock(s, ctx) with { Status = back }, ClockEffect.Resume);
    }

    private static TransitionResult OnStop(DossierState s, TransitionContext ctx)
    {
        if (MissingNote(s, Stop, ctx, "Vui lòng nêu rõ lý do dừng giải quyết.") is { } missing)
        {
            return missing;
        }

        return TransitionResult.Ok(s.Status, Stop, Close(s, ctx.At) with { Status = Stopped },
            s.ClockStartedAt is null ? ClockEffect.None : ClockEffect.End, form: OfficialFormKind.StopNotice);
    }

    private static TransitionResult OnApologyReschedule(DossierState s, TransitionContext ctx)
    {
        if (s.Rescheduled)
        {
            return Violation(s, ApologyReschedule,
                "Hồ sơ đã được hẹn lại ngày trả kết quả một lần; theo quy định không hẹn lại quá một lần.");
        }

        if (s.DueAt is not { } due)
        {
            return Violation(s, ApologyReschedule, "Hồ sơ không có thời hạn giải quyết nên không thể hẹn lại ngày trả kết quả.");
        }

        if (MissingNote(s, ApologyReschedule, ctx, "Vui lòng nêu rõ lý do chậm trả kết quả.") is { } missing)
        {
            return missing;
        }

        if (ctx.NewAppointment is not { } appointment)
        {
            return Missing(s, ApologyReschedule, "Vui lòng nhập thời điểm hẹn trả kết quả mới.");
        }

        if (appointment <= due || appointment <= ctx.At)
        {
            string original = due.ToOffset(DeadlineCalculator.VietnamOffset).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
            return Missing(s, ApologyReschedule, "Thời điểm hẹn mới phải sau thời hạn ban đầu (" + original + ") và sau thời điểm hiện tại.");
        }

        var warnings = new List<string>();
        DateTimeOffset latest = LatestApologyAt(due, ctx.Calculator.Calendar);
        if (ctx.At > latest)
        {
            // The law asks for the apology one working day before the deadline; a late apology is still better than none.
            warnings.Add("Phiếu xin lỗi được lập sau thời hạn quy định (chậm nhất "
                + latest.ToOffset(DeadlineCalculator.VietnamOffset).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture)
                + ", 01 ngày làm việc trước ngày hẹn trả).");
        }

        return TransitionResult.Ok(s.Status, ApologyReschedule, s with { Rescheduled = true, RescheduledDueAt = appointment },
            form: OfficialFormKind.ApologyAndReschedule, explanation: AccountabilityCase.Late, warnings: warnings);
    }

    private static TransitionResult OnTransferInterAgency(DossierState s, TransitionContext ctx)
    {
        if (Blank(ctx.Partner))
        {
            return Missing(s, TransferInterAgency, "Vui lòng chọn cơ quan phối hợp giải quyết liên thông.");
        }

        // The clock keeps running: the origin agency's time limit covers the other agency's part.
        return TransitionResult.Ok(s.Status, TransferInterAgency,
            s with { Status = AwaitingInterAgency, InterAgencyPartner = ctx.Partner, ResumeStatus = InProcessing });
    }

    private static TransitionResult OnReceiveInterAgencyResult(DossierState s, TransitionContext ctx) =>
        TransitionResult.Ok(s.Status, ReceiveInterAgencyResult,
            s with { Status = InProcessing, InterAgencyPartner = null, ResumeStatus = null, StepStartedAt = ctx.At });

    private static TransitionResult OnDigitiseResult(DossierState s, TransitionContext ctx) =>
        s.ResultDigitised
            ? Violation(s, DigitiseResult, "Kết quả giải quyết của hồ sơ đã được số hóa.")
            : TransitionResult.Ok(s.Status, DigitiseResult, s with { ResultDigitised = true });

    // ================================================================== clock helpers

    // Stops the clock. The due instant becomes undefined while paused, unless it had already passed (the pause then
    // cannot move it: lateness is not forgiven by a later pause).
    private static DossierState PauseClock(DossierState s, DateTimeOffset at, PauseReason reason) => s with
    {
        OpenPause = new Pause(at, null, reason),
        ResumeStatus = s.Status,
        DueAt = s.DueAt is { } due && at >= due ? due : null,
    };

    private static DossierState ResumeClock(DossierState s, TransitionContext ctx)
    {
        IReadOnlyList<Pause> pauses = s.OpenPause is { } open ? [.. s.Pauses, open with { To = ctx.At }] : s.Pauses;
        return s with
        {
            Pauses = pauses,
            OpenPause = null,
            ResumeStatus = null,
            DueAt = Recompute(s, pauses, ctx.Calculator),
        };
    }

    private static DateTimeOffset? Recompute(DossierState s, IReadOnlyList<Pause> pauses, DeadlineCalculator calculator) =>
        s.Terms.ProcessingTime is { } time && s.ClockStartedAt is { } start
            ? calculator.ComputeDueWithPauses(start, time, s.Terms.Options(pauses)).DueAt
            : null;

    // Ends the dossier: an open pause is closed at the same instant so the history of pauses is complete.
    private static DossierState Close(DossierState s, DateTimeOffset at) => s with
    {
        ClosedAt = at,
        Pauses = s.OpenPause is { } open ? [.. s.Pauses, open with { To = at }] : s.Pauses,
        OpenPause = null,
        ResumeStatus = null,
        InterAgencyPartner = null,
    };

    // ================================================================== refusal helpers

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static TransitionResult? MissingNote(DossierState s, DossierAction action, TransitionContext ctx, string message) =>
        Blank(ctx.Note) ? Missing(s, action, message) : null;

    private static TransitionResult Missing(DossierState s, DossierAction action, string message) =>
        TransitionResult.Refused(s.Status, action, RefusalKind.MissingInput, message);

    private static TransitionResult Violation(DossierState s, DossierAction action, string message) =>
        TransitionResult.Refused(s.Status, action, RefusalKind.RuleViolated, message);
}
