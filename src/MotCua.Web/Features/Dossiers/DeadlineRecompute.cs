using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Shared;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// After a change of the working calendar, the administrator's explicit re-computation of open dossiers' due instants:
/// received dossiers keep their stored due instant until this runs. The preview lists exactly the dossiers whose due
/// instant differs under today's calendar; the confirmation moves exactly that list (checked by its stamp), each dossier
/// through <see cref="DossierStore.SaveAsync"/> so its history row, audit entry and subscribers (reports, notices) come
/// with it, all in one transaction.
/// </summary>
public sealed class DeadlineRecompute(AppDbContext db, TimeProvider time, CalendarProvider calendars, DossierStore store)
{
    /// <summary>The history label and the start of the note of every moved dossier.</summary>
    public const string HistoryLabel = "Điều chỉnh hạn do thay đổi lịch làm việc";

    /// <summary>One dossier whose due instant moves.</summary>
    /// <param name="ShiftDays">Difference of the local due dates in calendar days (negative: earlier).</param>
    public sealed record Move(string Code, string ProcedureName, DateTimeOffset OldDue, DateTimeOffset NewDue, int ShiftDays);

    /// <summary>What a confirmation would do.</summary>
    /// <param name="OpenCount">Open dossiers with a running clock that were checked.</param>
    /// <param name="Stamp">Identifies this exact list; the confirmation must present it.</param>
    public sealed record Preview(int OpenCount, IReadOnlyList<Move> Moves, string Stamp)
    {
        public int? EarliestShift => Moves.Count == 0 ? null : Moves.Min(m => m.ShiftDays);

        public int? LatestShift => Moves.Count == 0 ? null : Moves.Max(m => m.ShiftDays);
    }

    /// <summary>The outcome of a confirmation: how many moved, or why nothing did.</summary>
    public sealed record Outcome(int Moved, string? Error);

    public async Task<Preview> PreviewAsync(int agencyId, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return new Preview(0, [], StampOf([]));
        }
        var calculator = new DeadlineCalculator(await calendars.CurrentAsync(db, ct), AgencyOfficeHours.Of(agency));
        // Paused dossiers have no due instant until they resume (then it is recomputed anyway); a rescheduled dossier
        // keeps the date agreed with the applicant.
        var open = await db.Dossiers.AsNoTracking()
            .Where(d => d.AgencyId == agencyId && d.ClosedAt == null && d.DueAt != null && d.ClockStartedAt != null
                && d.ProcessingTimeValue != null && d.OpenPauseFrom == null && !d.Rescheduled)
            .OrderBy(d => d.Id)
            .ToListAsync(ct);
        var moves = new List<Move>();
        var checkedCount = 0;
        foreach (var d in open)
        {
            if (DossierStateMachine.IsTerminal(d.Status) || d.ProcessingTime is not { } processing)
            {
                continue;
            }
            checkedCount++;
            var state = d.ToState();
            if (calculator.ComputeDueWithPauses(d.ClockStartedAt!.Value, processing, state.Terms.Options(state.Pauses)).DueAt is { } due && due != d.DueAt)
            {
                var shift = due.ToVietnam().Date.Subtract(d.DueAt!.Value.ToVietnam().Date).Days;
                moves.Add(new Move(d.Code, d.ProcedureName, d.DueAt.Value, due, shift));
            }
        }
        return new Preview(checkedCount, moves, StampOf(moves));
    }

    /// <summary>Moves the dossiers of the preview identified by <paramref name="stamp"/>; nothing moves if the list changed since.</summary>
    public async Task<Outcome> ConfirmAsync(ClaimsPrincipal user, string? stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.AgencyId() is not { } agencyId)
        {
            return new Outcome(0, "Tài khoản không thuộc cơ quan nào.");
        }
        var preview = await PreviewAsync(agencyId, ct);
        if (preview.Moves.Count == 0)
        {
            return new Outcome(0, "Không có hồ sơ nào cần tính lại hạn theo lịch hiện hành.");
        }
        if (!string.Equals(stamp, preview.Stamp, StringComparison.Ordinal))
        {
            return new Outcome(0, "Danh sách hồ sơ cần tính lại đã thay đổi từ khi xem trước (lịch hoặc hồ sơ vừa được cập nhật): hãy xem trước lại rồi xác nhận.");
        }

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var move in preview.Moves)
            {
                var dossier = await db.Dossiers.SingleAsync(d => d.AgencyId == agencyId && d.Code == move.Code, ct);
                if (dossier.DueAt != move.OldDue)
                {
                    throw new DbUpdateConcurrencyException("The dossier changed after the preview.");
                }
                var note = $"{HistoryLabel}: hạn {move.OldDue.ToVnDateTime()} → {move.NewDue.ToVnDateTime()}.";
                dossier.DueAt = move.NewDue;
                if (dossier.AppointmentAt == move.OldDue)
                {
                    dossier.AppointmentAt = move.NewDue;
                }
                dossier.Version++;
                dossier.Events.Add(new DossierEvent
                {
                    At = now, Action = null, FromStatus = dossier.Status, ToStatus = dossier.Status, FromStep = dossier.CurrentStep, ToStep = dossier.CurrentStep,
                    FromUnitId = dossier.CurrentUnitId, ToUnitId = dossier.CurrentUnitId, ActorUserName = user.Identity?.Name, ActorName = user.DisplayName(),
                    Assignee = dossier.Assignee, Note = note,
                });
                await store.SaveAsync(dossier, null, user, new DossierAuditEntry("dossier.deadline.recompute", $"Hồ sơ {dossier.Code}: {note}",
                    new { move.OldDue, move.NewDue, move.ShiftDays }), ct);
            }
            AuditLog.Append(db, time, user, "calendar.deadlines.recompute", "Agency", agencyId.ToString(CultureInfo.InvariantCulture),
                $"Tính lại hạn theo lịch làm việc hiện hành: {preview.Moves.Count}/{preview.OpenCount} hồ sơ đang giải quyết thay đổi hạn (sớm nhất {Shift(preview.EarliestShift)}, muộn nhất {Shift(preview.LatestShift)})",
                new { preview.OpenCount, moves = preview.Moves.Select(m => new { m.Code, m.OldDue, m.NewDue, m.ShiftDays }).ToList() });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new Outcome(0, "Có hồ sơ vừa được cập nhật trong lúc tính lại: không hồ sơ nào bị thay đổi. Hãy xem trước lại rồi xác nhận.");
        }
        return new Outcome(preview.Moves.Count, null);
    }

    /// <summary>"+1 ngày", "−2 ngày", "0 ngày" (same date, other hour).</summary>
    public static string Shift(int? days) => days switch
    {
        null => "—",
        > 0 => "+" + days.Value.ToString(CultureInfo.InvariantCulture) + " ngày",
        < 0 => "−" + (-days.Value).ToString(CultureInfo.InvariantCulture) + " ngày",
        _ => "cùng ngày, khác giờ",
    };

    private static string StampOf(IReadOnlyList<Move> moves)
    {
        var text = new StringBuilder();
        foreach (var m in moves)
        {
            text.Append(m.Code).Append(':').Append(m.OldDue.UtcTicks).Append('>').Append(m.NewDue.UtcTicks).Append(';');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
