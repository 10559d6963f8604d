namespace MotCua.Core.Dossiers;

/// <summary>
/// The officer acting on a dossier, as far as the scope rule needs: user name, roles (the web role strings), unit, and
/// whether that unit is the agency's leadership (Ban Giám đốc). The agency is checked where the dossier is loaded.
/// </summary>
public sealed record DossierActor(string? UserName, IReadOnlyCollection<string> Roles, int? UnitId, bool InLeadership)
{
    /// <summary>The actor's agency: a centre's desk returns the results it collects for other agencies.</summary>
    public int? AgencyId { get; init; }

    /// <summary>Whether the actor has the role (ordinal).</summary>
    public bool Is(string role) => Roles.Contains(role, StringComparer.Ordinal);
}

/// <summary>Where a dossier stands for the scope rule: its status, the unit holding it and its assignee.</summary>
public sealed record DossierHolding(DossierStatus Status, int? CurrentUnitId, string? Assignee);

/// <summary>Every kind of change an officer can make to an existing dossier.</summary>
public enum DossierChange
{
    /// <summary>A status transition (<see cref="DossierAction"/>); the transition table decides role and status.</summary>
    Transition,

    /// <summary>Fee amount, payment status and the components' digitisation flag.</summary>
    Fees,

    /// <summary>Scanned component files (thành phần hồ sơ số hóa).</summary>
    ComponentFiles,

    /// <summary>The text of a required accountability explanation (văn bản giải trình).</summary>
    Explanation,

    /// <summary>Reading the dossier's stored files (scans of the applicant's papers, the digitised result).</summary>
    ReadFiles,

    /// <summary>
    /// The fee paid online (by the gateway's verified message, <see cref="DossierRoles.PaymentGateway"/>) or refunded (by
    /// the desk or an administrator): recorded on a closed dossier too, since the money was taken.
    /// </summary>
    OnlinePayment,

    /// <summary>
    /// A postal order for the dossier (the desk asks the carrier to pick the result up) and the carrier's verified tracking
    /// (<see cref="DossierRoles.PostalCarrier"/>): recorded on a closed dossier too, since the parcel still moves.
    /// </summary>
    Postal,
}

/// <summary>Why a change is refused: the web answers 403 for <see cref="OutOfScope"/> and <see cref="RoleNotPermitted"/>, 409 for <see cref="Closed"/>.</summary>
public enum AccessRefusalKind
{
    RoleNotPermitted,
    OutOfScope,
    Closed,
}

/// <summary>A refused change with its Vietnamese reason.</summary>
public sealed record AccessRefusal(AccessRefusalKind Kind, string Message);

/// <summary>
/// The one rule over who may change a dossier, applied to every write path (transitions, fees, files, explanations) and
/// to the actions offered: the desk and administrators act on every dossier of their agency, leaders of the leadership
/// unit likewise, everyone else only on the dossiers their unit holds or that are assigned to them. A closed dossier
/// (returned, refused, withdrawn, stopped) is read-only except for what the law still asks after it closes: digitising
/// the result (a transition the table allows on a returned dossier) and the accountability explanation.
/// </summary>
public static class DossierAccess
{
    // Administrators only redistribute work (the table's Assign); fees, files and explanations are the handlers' work.
    private static readonly string[] Handlers = [DossierRoles.OneStopOfficer, DossierRoles.Specialist, DossierRoles.Leader];

    /// <summary>Whether the dossier is within the actor's scope (role table aside).</summary>
    public static bool InScope(DossierActor actor, DossierHolding dossier)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(dossier);
        return actor.Is(DossierRoles.OneStopOfficer)
            || actor.Is(DossierRoles.Admin)
            || (dossier.Assignee is { } a && string.Equals(a, actor.UserName, StringComparison.Ordinal))
            || (actor.UnitId is { } unit && unit == dossier.CurrentUnitId)
            || (actor.Is(DossierRoles.Leader) && actor.InLeadership)
            || actor.Is(DossierRoles.PostalCarrier);
    }

    /// <summary>Null when the actor may make the change; otherwise the refusal. Transitions still go through the table after this.</summary>
    public static AccessRefusal? MayChange(DossierActor actor, DossierHolding dossier, DossierChange what)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(dossier);
        if (what == DossierChange.OnlinePayment)
        {
            return actor.Is(DossierRoles.PaymentGateway) || actor.Is(DossierRoles.OneStopOfficer) || actor.Is(DossierRoles.Admin)
                ? null
                : new(AccessRefusalKind.RoleNotPermitted, "Chỉ cổng thanh toán, cán bộ một cửa hoặc quản trị mới được " + Verb(what) + ".");
        }
        if (what == DossierChange.Postal)
        {
            return actor.Is(DossierRoles.PostalCarrier) || actor.Is(DossierRoles.OneStopOfficer)
                ? null
                : new(AccessRefusalKind.RoleNotPermitted, "Chỉ cán bộ một cửa hoặc bưu chính công ích mới được " + Verb(what) + ".");
        }
        if (what is not (DossierChange.Transition or DossierChange.ReadFiles) && !Handlers.Any(actor.Is))
        {
            return new(AccessRefusalKind.RoleNotPermitted, "Chỉ cán bộ một cửa, chuyên viên hoặc lãnh đạo xử lý hồ sơ mới được " + Verb(what) + ".");
        }
        if (!InScope(actor, dossier))
        {
            return new(AccessRefusalKind.OutOfScope, what == DossierChange.ReadFiles
                ? "Hồ sơ không thuộc đơn vị của bạn; chỉ cán bộ xử lý hồ sơ mới được tải tệp của hồ sơ."
                : "Hồ sơ không thuộc đơn vị của bạn; chỉ cán bộ của đơn vị đang giữ hồ sơ mới được xử lý.");
        }
        var closedReadOnly = what switch
        {
            DossierChange.Fees or DossierChange.ComponentFiles => true,
            DossierChange.Transition or DossierChange.Explanation or DossierChange.ReadFiles or DossierChange.OnlinePayment or DossierChange.Postal => false,
        };
        if (closedReadOnly && DossierStateMachine.IsTerminal(dossier.Status))
        {
            return new(AccessRefusalKind.Closed, "Hồ sơ " + DossierText.StatePhrase(dossier.Status) + " nên chỉ được xem; không thể " + Verb(what) + ".");
        }
        return null;
    }

    /// <summary>
    /// The actions the actor could perform now: in scope, allowed by the table for the actor's roles, and not refused by a
    /// rule that depends on the dossier alone (a second supplement, forwarding from the last step, digitising twice...).
    /// Each candidate is tried through <see cref="DossierStateMachine.Apply"/> with complete inputs in
    /// <paramref name="probe"/> (the caller's clock, roles and calculator), so the list and the check cannot disagree.
    /// </summary>
    public static IReadOnlyList<DossierAction> AvailableActions(DossierActor actor, DossierHolding dossier, DossierState state, TransitionContext probe)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(probe);
        if (MayChange(actor, dossier, DossierChange.Transition) is not null)
        {
            return [];
        }
        var inputs = probe with
        {
            ActorRoles = actor.Roles,
            Note = "-",
            // Any officer other than the current assignee: an assignment to someone else is what Assign means.
            Assignee = state.Assignee + "\u2009?",
            TargetStep = null,
            NewAppointment = DateTimeOffset.MaxValue,
            Delivery = ResultDelivery.AtDesk,
            Partner = "-",
        };
        return DossierStateMachine.AvailableActions(state.Status, actor.Roles)
            .Where(a => DossierStateMachine.Apply(state, a, inputs).Succeeded)
            .ToList();
    }

    private static string Verb(DossierChange what) => what switch
    {
        DossierChange.Transition => "xử lý hồ sơ",
        DossierChange.Fees => "sửa phí, lệ phí và tình trạng thanh toán",
        DossierChange.ComponentFiles => "thêm tệp thành phần hồ sơ",
        DossierChange.Explanation => "ghi nhận văn bản giải trình",
        DossierChange.ReadFiles => "tải tệp của hồ sơ",
        DossierChange.OnlinePayment => "ghi nhận thanh toán trực tuyến",
        DossierChange.Postal => "gửi bưu chính và ghi nhận hành trình bưu gửi",
    };
}
