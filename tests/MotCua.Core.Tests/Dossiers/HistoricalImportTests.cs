using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;

using static MotCua.Core.Tests.Dossiers.DossierFixtures;

namespace MotCua.Core.Tests.Dossiers;

public sealed class HistoricalImportTests
{
    private static readonly DateTimeOffset Received = At("2024-05-06T09:00");
    private static readonly DateTimeOffset Due = At("2024-05-13T09:00");

    private static DateTimeOffset? Opt(string? local) => local is null ? null : At(local);

    public static TheoryData<string?, string?, string?, string?, bool, DossierStatus> Derivations => new()
    {
        // resolvedAt, returnedAt, withdrawnAt, refusedAt, dueAt present, expected
        { null, null, null, null, true, DossierStatus.InProcessing },
        { "2024-05-10T09:00", null, null, null, true, DossierStatus.ResultIssued },
        { "2024-05-10T09:00", "2024-05-10T10:00", null, null, true, DossierStatus.Returned },
        { "2024-05-10T09:00", "2024-05-10T09:00", null, null, true, DossierStatus.Returned }, // returned the instant it resolved
        { null, null, "2024-05-08T09:00", null, true, DossierStatus.Withdrawn },
        { "2024-05-10T09:00", null, "2024-05-11T09:00", null, true, DossierStatus.Withdrawn }, // withdrawn before return
        { null, null, null, "2024-05-06T09:00", false, DossierStatus.Refused },               // at the desk: no appointment
        { null, null, null, "2024-05-09T09:00", true, DossierStatus.RefusedAfterReceipt },
    };

    [Theory]
    [MemberData(nameof(Derivations))]
    public void Status_follows_from_the_timestamps(string? resolved, string? returned, string? withdrawn, string? refused, bool hasDue, DossierStatus expected)
    {
        ImportDerivation d = HistoricalImport.Derive(new HistoricalDossier(
            Received, hasDue ? Due : null, Opt(resolved), Opt(returned), Opt(withdrawn), Opt(refused)));
        Assert.True(d.IsValid, string.Join("; ", d.Errors));
        Assert.Equal(expected, d.Status);
    }

    [Theory]
    [InlineData(PauseReason.AwaitingSupplement, DossierStatus.AwaitingSupplement)]
    [InlineData(PauseReason.AwaitingFinancialObligation, DossierStatus.AwaitingFinancialObligation)]
    [InlineData(PauseReason.Suspended, DossierStatus.Suspended)]
    public void An_open_last_pause_gives_the_paused_status(PauseReason reason, DossierStatus expected)
    {
        ImportDerivation d = HistoricalImport.Derive(new HistoricalDossier(Received, Due, Pauses:
        [
            new ImportedPause(At("2024-05-07T09:00"), At("2024-05-08T09:00"), PauseReason.Suspended),
            new ImportedPause(At("2024-05-09T09:00"), null, reason),
        ]));
        Assert.True(d.IsValid, string.Join("; ", d.Errors));
        Assert.Equal(expected, d.Status);
    }

    [Fact]
    public void Closed_pauses_inside_the_life_of_a_returned_dossier_are_accepted()
    {
        ImportDerivation d = HistoricalImport.Derive(new HistoricalDossier(Received, Due, At("2024-05-14T09:00"), At("2024-05-15T09:00"), Pauses:
        [
            new ImportedPause(At("2024-05-07T09:00"), At("2024-05-08T09:00"), PauseReason.AwaitingSupplement),
            new ImportedPause(At("2024-05-14T10:00"), At("2024-05-15T08:00"), PauseReason.AwaitingFinancialObligation),
        ]));
        Assert.Equal(DossierStatus.Returned, d.Status);
    }

    public static TheoryData<HistoricalDossier, string, string> Invalid => new()
    {
        { new HistoricalDossier(Received, null), "dueAt", "Thiếu hạn trả kết quả (chỉ hồ sơ bị từ chối tiếp nhận mới không có hạn trả kết quả)." },
        { new HistoricalDossier(Received, Received), "dueAt", "Hạn trả kết quả phải sau thời điểm tiếp nhận." },
        { new HistoricalDossier(Received, Due, At("2024-05-06T08:59")), "resolvedAt", "Thời điểm có kết quả không được trước thời điểm tiếp nhận." },
        { new HistoricalDossier(Received, Due, ReturnedAt: At("2024-05-10T09:00")), "returnedAt", "Hồ sơ đã trả kết quả phải có thời điểm có kết quả (resolvedAt)." },
        { new HistoricalDossier(Received, Due, At("2024-05-10T09:00"), At("2024-05-10T08:00")), "returnedAt", "Thời điểm trả kết quả không được trước thời điểm có kết quả." },
        { new HistoricalDossier(Received, Due, At("2024-05-10T09:00"), At("2024-05-10T10:00"), WithdrawnAt: At("2024-05-10T11:00")), "withdrawnAt", "Hồ sơ đã trả kết quả thì không thể rút." },
        { new HistoricalDossier(Received, Due, At("2024-05-10T09:00"), At("2024-05-10T10:00"), RefusedAt: At("2024-05-10T11:00")), "refusedAt", "Hồ sơ đã trả kết quả thì không thể bị từ chối." },
        { new HistoricalDossier(Received, Due, WithdrawnAt: At("2024-05-08T09:00"), RefusedAt: At("2024-05-08T09:00")), "refusedAt", "Hồ sơ không thể vừa bị từ chối vừa được rút." },
        { new HistoricalDossier(Received, Due, WithdrawnAt: At("2024-05-06T08:00")), "withdrawnAt", "Thời điểm rút hồ sơ không được trước thời điểm tiếp nhận." },
        { new HistoricalDossier(Received, null, RefusedAt: At("2024-05-06T08:00")), "refusedAt", "Thời điểm từ chối không được trước thời điểm tiếp nhận." },
        { new HistoricalDossier(Received, Due, At("2024-05-08T09:00"), RefusedAt: At("2024-05-09T09:00")), "resolvedAt", "Hồ sơ bị từ chối không có kết quả giải quyết." },
        { new HistoricalDossier(Received, Due, Pauses: [new ImportedPause(At("2024-05-06T08:00"), At("2024-05-07T08:00"), PauseReason.Suspended)]),
            "pauses[0].from", "Khoảng tạm dừng không được bắt đầu trước thời điểm tiếp nhận." },
        { new HistoricalDossier(Received, Due, Pauses: [new ImportedPause(At("2024-05-07T08:00"), At("2024-05-07T08:00"), PauseReason.Suspended)]),
            "pauses[0].to", "Thời điểm kết thúc tạm dừng phải sau thời điểm bắt đầu." },
        { new HistoricalDossier(Received, Due, At("2024-05-10T09:00"), Pauses: [new ImportedPause(At("2024-05-09T08:00"), At("2024-05-11T08:00"), PauseReason.Suspended)]),
            "pauses[0].to", "Khoảng tạm dừng phải kết thúc trước khi hồ sơ kết thúc." },
        { new HistoricalDossier(Received, Due, At("2024-05-10T09:00"), Pauses: [new ImportedPause(At("2024-05-09T08:00"), null, PauseReason.Suspended)]),
            "pauses[0].to", "Hồ sơ đã kết thúc thì khoảng tạm dừng phải có thời điểm kết thúc." },
        { new HistoricalDossier(Received, Due, Pauses:
            [new ImportedPause(At("2024-05-07T08:00"), null, PauseReason.Suspended), new ImportedPause(At("2024-05-08T08:00"), At("2024-05-09T08:00"), PauseReason.Suspended)]),
            "pauses[0].to", "Chỉ khoảng tạm dừng cuối cùng mới được chưa kết thúc." },
        { new HistoricalDossier(Received, Due, Pauses:
            [new ImportedPause(At("2024-05-07T08:00"), At("2024-05-08T10:00"), PauseReason.Suspended), new ImportedPause(At("2024-05-08T09:00"), At("2024-05-09T08:00"), PauseReason.Suspended)]),
            "pauses[1].from", "Các khoảng tạm dừng phải theo thứ tự thời gian và không chồng lên nhau." },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Inconsistent_records_are_refused_with_a_Vietnamese_error_on_the_field(HistoricalDossier dossier, string field, string message)
    {
        ImportDerivation d = HistoricalImport.Derive(dossier);
        Assert.False(d.IsValid);
        Assert.Null(d.Status);
        Assert.Contains(new ImportError(field, message), d.Errors);
    }

    [Fact]
    public void All_errors_of_a_record_are_reported_together()
    {
        ImportDerivation d = HistoricalImport.Derive(new HistoricalDossier(Received, null,
            ReturnedAt: At("2024-05-10T09:00"), WithdrawnAt: At("2024-05-10T10:00")));
        Assert.Equal(["dueAt", "returnedAt", "withdrawnAt"], d.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_valid_record_becomes_a_state_counted_like_any_other()
    {
        DossierState state = HistoricalImport.ToState(
            new HistoricalDossier(Received, Due, At("2024-05-14T09:00"), At("2024-05-14T10:00"), Pauses:
                [new ImportedPause(At("2024-05-07T09:00"), At("2024-05-08T09:00"), PauseReason.AwaitingSupplement)]),
            DossierChannel.Postal, Terms())!;

        Assert.Equal(DossierStatus.Returned, state.Status);
        Assert.Equal(DossierChannel.Postal, state.Channel);
        Assert.Equal(Received, state.ReceivedAt);
        Assert.Equal(Due, state.DueAt);
        Assert.Equal(Due, state.AppointmentAt);
        Assert.Equal(At("2024-05-14T09:00"), state.CompletedAt);
        Assert.True(state.SupplementRequested);
        Assert.Single(state.Pauses);
        Assert.Equal(ResolutionTimeliness.Late, state.Timeliness);
        Assert.Equal(10, NationalStatus.From(state.Status)!.Code);
    }

    [Fact]
    public void A_refusal_without_appointment_imports_as_never_received()
    {
        DossierState state = HistoricalImport.ToState(new HistoricalDossier(Received, null, RefusedAt: Received), DossierChannel.Direct, Terms())!;
        Assert.Equal(DossierStatus.Refused, state.Status);
        Assert.Null(state.ReceivedAt);
        Assert.Null(state.DueAt);
        Assert.Equal(Received, state.ClosedAt);
    }

    [Fact]
    public void An_imported_dossier_awaiting_supplement_resumes_processing_and_cannot_be_asked_again()
    {
        DossierState waiting = HistoricalImport.ToState(new HistoricalDossier(Received, Due, Pauses:
            [new ImportedPause(At("2024-05-07T09:00"), null, PauseReason.AwaitingSupplement)]), DossierChannel.Direct, Terms())!;
        Assert.Null(waiting.DueAt);
        Assert.NotNull(waiting.OpenPause);

        DossierState resumed = waiting.Do(DossierAction.ResubmitSupplement, Ctx("2024-05-08T09:00", Desk));
        Assert.Equal(DossierStatus.InProcessing, resumed.Status);
        Assert.Equal(At("2024-05-15T09:00"), resumed.DueAt); // restart: 5 working days from the resubmission
        Assert.Equal(RefusalKind.RuleViolated, DossierStateMachine.Apply(resumed, DossierAction.RequestSupplement,
            Ctx("2024-05-09T09:00", Specialist) with { Note = "Thiếu" }).Refusal);
    }

    [Fact]
    public void An_invalid_record_has_no_state() =>
        Assert.Null(HistoricalImport.ToState(new HistoricalDossier(Received, null), DossierChannel.Direct, Terms()));

    [Theory]
    [InlineData("supplement", PauseReason.AwaitingSupplement)]
    [InlineData("financialObligation", PauseReason.AwaitingFinancialObligation)]
    [InlineData(" suspended ", PauseReason.Suspended)]
    public void Pause_reason_keys(string key, PauseReason expected)
    {
        Assert.True(HistoricalImport.TryParsePauseReason(key, out PauseReason reason));
        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Supplement")]
    [InlineData("chờ bổ sung")]
    public void Unknown_pause_reason_keys_are_refused(string? key) =>
        Assert.False(HistoricalImport.TryParsePauseReason(key, out _));
}
