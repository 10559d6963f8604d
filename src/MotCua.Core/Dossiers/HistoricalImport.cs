using System.Globalization;

using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

/// <summary>A pause of an imported dossier; <see cref="To"/> null when it is still open.</summary>
public sealed record ImportedPause(DateTimeOffset From, DateTimeOffset? To, PauseReason Reason);

/// <summary>The timestamps of a dossier migrated from a previous one-stop system.</summary>
/// <param name="ReceivedAt">Receipt (or, for a refusal at the desk, submission) instant.</param>
/// <param name="DueAt">The appointment; absent only for a dossier refused at the desk.</param>
/// <param name="ResolvedAt">Result issued.</param>
/// <param name="ReturnedAt">Result returned.</param>
/// <param name="WithdrawnAt">Withdrawn by the applicant.</param>
/// <param name="RefusedAt">Refused (at the desk when there is no <paramref name="DueAt"/>, else after appraisal).</param>
/// <param name="Pauses">Clock pauses.</param>
public sealed record HistoricalDossier(
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ResolvedAt = null,
    DateTimeOffset? ReturnedAt = null,
    DateTimeOffset? WithdrawnAt = null,
    DateTimeOffset? RefusedAt = null,
    IReadOnlyList<ImportedPause>? Pauses = null);

/// <summary>A validation error on one field, named as in the import JSON (<c>returnedAt</c>, <c>pauses[1].to</c>).</summary>
public sealed record ImportError(string Field, string Message);

/// <summary>The derived status, or the errors that make the record unacceptable.</summary>
public sealed record ImportDerivation(DossierStatus? Status, IReadOnlyList<ImportError> Errors)
{
    /// <summary>No errors: <see cref="Status"/> is set.</summary>
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Derives the state of a historical dossier from its timestamps and checks that they are consistent. Pure: the web
/// validates every record first and saves all or none.
/// </summary>
public static class HistoricalImport
{
    /// <summary>The pause reason keys of the import format: <c>supplement</c>, <c>financialObligation</c>, <c>suspended</c>.</summary>
    public static bool TryParsePauseReason(string? key, out PauseReason reason)
    {
        switch (key?.Trim())
        {
            case "supplement":
                reason = PauseReason.AwaitingSupplement;
                return true;
            case "financialObligation":
                reason = PauseReason.AwaitingFinancialObligation;
                return true;
            case "suspended":
                reason = PauseReason.Suspended;
                return true;
            default:
                reason = default;
                return false;
        }
    }

    /// <summary>
    /// Final status: withdrawn, refused (at the desk without an appointment, else after receipt), returned, result
    /// issued, paused by an open pause (by its reason), else in processing. Checks: due after receipt; received ≤
    /// resolved ≤ returned; returned needs resolved; withdrawn, refused and returned exclude each other, refused
    /// excludes resolved; each pause starts at or after receipt, ends after it starts and by the end instant; pauses do
    /// not overlap; only the last pause may be open, and only while the dossier has not ended.
    /// </summary>
    public static ImportDerivation Derive(HistoricalDossier d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var errors = new List<ImportError>();
        void Error(string field, string message) => errors.Add(new ImportError(field, message));

        if (d.DueAt is null && d.RefusedAt is null)
        {
            Error("dueAt", "Thiếu hạn trả kết quả (chỉ hồ sơ bị từ chối tiếp nhận mới không có hạn trả kết quả).");
        }
        else if (d.DueAt is { } due && due <= d.ReceivedAt)
        {
            Error("dueAt", "Hạn trả kết quả phải sau thời điểm tiếp nhận.");
        }

        if (d.ResolvedAt is { } resolved && resolved < d.ReceivedAt)
        {
            Error("resolvedAt", "Thời điểm có kết quả không được trước thời điểm tiếp nhận.");
        }

        if (d.ReturnedAt is { } returned)
        {
            if (d.ResolvedAt is null)
            {
                Error("returnedAt", "Hồ sơ đã trả kết quả phải có thời điểm có kết quả (resolvedAt).");
            }
            else if (returned < d.ResolvedAt)
            {
                Error("returnedAt", "Thời điểm trả kết quả không được trước thời điểm có kết quả.");
            }

            if (d.WithdrawnAt is not null)
            {
                Error("withdrawnAt", "Hồ sơ đã trả kết quả thì không thể rút.");
            }

            if (d.RefusedAt is not null)
            {
                Error("refusedAt", "Hồ sơ đã trả kết quả thì không thể bị từ chối.");
            }
        }

        if (d.WithdrawnAt is { } withdrawn)
        {
            if (withdrawn < d.ReceivedAt)
            {
                Error("withdrawnAt", "Thời điểm rút hồ sơ không được trước thời điểm tiếp nhận.");
            }

            if (d.RefusedAt is not null)
            {
                Error("refusedAt", "Hồ sơ không thể vừa bị từ chối vừa được rút.");
            }
        }

        if (d.RefusedAt is { } refused)
        {
            if (refused < d.ReceivedAt)
            {
                Error("refusedAt", "Thời điểm từ chối không được trước thời điểm tiếp nhận.");
            }

            if (d.ResolvedAt is not null && d.ReturnedAt is null)
            {
                Error("resolvedAt", "Hồ sơ bị từ chối không có kết quả giải quyết.");
            }
        }

        // The dossier's last instant: pauses must lie inside [received, end].
        DateTimeOffset? end = Latest(d.ReturnedAt, d.ResolvedAt, d.WithdrawnAt, d.RefusedAt);
        IReadOnlyList<ImportedPause> pauses = d.Pauses ?? [];
        DateTimeOffset? previousEnd = null;
        for (int i = 0; i < pauses.Count; i++)
        {
            ImportedPause p = pauses[i];
            string at = "pauses[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (p.From < d.ReceivedAt)
            {
                Error(at + ".from", "Khoảng tạm dừng không được bắt đầu trước thời điểm tiếp nhận.");
            }

            if (previousEnd is { } before && p.From < before)
            {
                Error(at + ".from", "Các khoảng tạm dừng phải theo thứ tự thời gian và không chồng lên nhau.");
            }

            if (p.To is { } to)
            {
                if (to <= p.From)
                {
                    Error(at + ".to", "Thời điểm kết thúc tạm dừng phải sau thời điểm bắt đầu.");
                }

                if (end is { } last && to > last)
                {
                    Error(at + ".to", "Khoảng tạm dừng phải kết thúc trước khi hồ sơ kết thúc.");
                }

                previousEnd = to;
            }
            else
            {
                if (i != pauses.Count - 1)
                {
                    Error(at + ".to", "Chỉ khoảng tạm dừng cuối cùng mới được chưa kết thúc.");
                }

                if (end is not null)
                {
                    Error(at + ".to", "Hồ sơ đã kết thúc thì khoảng tạm dừng phải có thời điểm kết thúc.");
                }

                previousEnd = p.From;
            }

            if (end is { } stop && p.From > stop)
            {
                Error(at + ".from", "Khoảng tạm dừng phải nằm trong thời gian giải quyết hồ sơ.");
            }
        }

        if (errors.Count > 0)
        {
            return new ImportDerivation(null, errors);
        }

        DossierStatus status =
            d.WithdrawnAt is not null ? DossierStatus.Withdrawn
            : d.RefusedAt is not null ? (d.DueAt is null ? DossierStatus.Refused : DossierStatus.RefusedAfterReceipt)
            : d.ReturnedAt is not null ? DossierStatus.Returned
            : d.ResolvedAt is not null ? DossierStatus.ResultIssued
            : pauses.Count > 0 && pauses[^1].To is null ? PausedStatus(pauses[^1].Reason)
            : DossierStatus.InProcessing;
        return new ImportDerivation(status, errors);
    }

    /// <summary>
    /// The state of a valid imported dossier, so that it is counted like any other and can still be acted on: the
    /// imported <c>dueAt</c> is taken as the legal due instant (the old system already applied its pauses), pauses are
    /// kept as history, a supplement pause marks the one supplement request as used. Null when the record is invalid.
    /// </summary>
    public static DossierState? ToState(HistoricalDossier d, DossierChannel channel, DossierTerms terms)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(terms);
        if (Derive(d).Status is not { } status)
        {
            return null;
        }

        IReadOnlyList<ImportedPause> imported = d.Pauses ?? [];
        ImportedPause? open = imported.Count > 0 && imported[^1].To is null ? imported[^1] : null;
        bool received = status != DossierStatus.Refused;
        return DossierState.Start(channel, terms) with
        {
            Status = status,
            ReceivedAt = received ? d.ReceivedAt : null,
            ClockStartedAt = received ? d.ReceivedAt : null,
            StepStartedAt = received ? d.ReceivedAt : null,
            AppointmentAt = d.DueAt,
            DueAt = open is not null && d.DueAt is { } due && open.From < due ? null : d.DueAt,
            Pauses = [.. imported.Where(p => p.To is not null).Select(p => new Pause(p.From, p.To, p.Reason))],
            OpenPause = open is null ? null : new Pause(open.From, null, open.Reason),
            SupplementRequested = imported.Any(p => p.Reason == PauseReason.AwaitingSupplement),
            CompletedAt = d.ResolvedAt,
            ReturnedAt = d.ReturnedAt,
            ClosedAt = d.WithdrawnAt ?? d.RefusedAt,
        };
    }

    private static DossierStatus PausedStatus(PauseReason reason) => reason switch
    {
        PauseReason.AwaitingSupplement => DossierStatus.AwaitingSupplement,
        PauseReason.AwaitingFinancialObligation => DossierStatus.AwaitingFinancialObligation,
        PauseReason.Suspended => DossierStatus.Suspended,
    };

    private static DateTimeOffset? Latest(params DateTimeOffset?[] instants)
    {
        DateTimeOffset? latest = null;
        foreach (DateTimeOffset? t in instants)
        {
            if (t is { } v && (latest is null || v > latest))
            {
                latest = v;
            }
        }

        return latest;
    }
}
