using MotCua.Core.Dossiers;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>What the look-up prints about when an ask is due: never a past instant as "Hạn".</summary>
public sealed class CitizenAskDueTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 2, 0, 0, TimeSpan.Zero);

    private static CitizenAsk Fee(DossierStatus status, DateTimeOffset? expectedResultAt) =>
        CitizenAsks.For(status, 150_000, false, null, expectedResultAt, null, false).Single(a => a.Kind == CitizenAskKind.Fee);

    [Theory]
    // Fee before the result: the expected result instant is the "by" while it is ahead.
    [InlineData(DossierStatus.InProcessing, 24, "Hạn:")]
    // The forecast instant has passed while the dossier is still processed: no deadline was missed, nothing printed.
    [InlineData(DossierStatus.InProcessing, -3, null)]
    // The result is issued (its instant is in the past): the fee is paid on collecting it, no instant printed.
    [InlineData(DossierStatus.ResultIssued, -3, null)]
    public void A_fee_shows_a_deadline_only_while_it_is_ahead(DossierStatus status, int hoursFromNow, string? label)
    {
        var ask = Fee(status, Now.AddHours(hoursFromNow));
        Assert.Equal(label, CitizenAsks.Due(ask, Now)?.Label);
    }

    [Fact]
    public void A_fee_on_an_issued_result_says_it_is_paid_when_collecting()
    {
        var ask = Fee(DossierStatus.ResultIssued, Now.AddHours(-3));
        Assert.Null(ask.By);
        Assert.StartsWith("Kết quả đã có: nộp phí, lệ phí 150.000 đồng", ask.What, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paid_fee_is_not_asked()
    {
        Assert.DoesNotContain(CitizenAsks.For(DossierStatus.ResultIssued, 150_000, true, null, Now, null, false), a => a.Kind == CitizenAskKind.Fee);
    }

    [Theory]
    [InlineData(48, "Hạn:", false)]
    [InlineData(-1, "Đã quá hạn bổ sung lúc", true)]
    public void A_supplement_deadline_already_past_reads_as_past(int hoursFromNow, string label, bool passed)
    {
        var ask = CitizenAsks.For(DossierStatus.AwaitingSupplement, 0, true, null, null, Now.AddHours(hoursFromNow), false)
            .Single(a => a.Kind == CitizenAskKind.Supplement);
        var due = CitizenAsks.Due(ask, Now)!;
        Assert.Equal(label, due.Label);
        Assert.Equal(passed, due.Passed);
        Assert.Equal(Now.AddHours(hoursFromNow), due.At);
    }
}
