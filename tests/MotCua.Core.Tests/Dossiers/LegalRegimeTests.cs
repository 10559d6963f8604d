using MotCua.Core.Dossiers;

using static MotCua.Core.Tests.Calendar.CalendarTestData;

namespace MotCua.Core.Tests.Dossiers;

public sealed class LegalRegimeTests
{
    [Theory]
    [InlineData("2018-12-01T09:00:00+07:00", LegalRegimeId.Decree61Of2018)]
    [InlineData("2025-06-30T23:59:59+07:00", LegalRegimeId.Decree61Of2018)]
    [InlineData("2025-06-30T16:59:59+00:00", LegalRegimeId.Decree61Of2018)]
    [InlineData("2025-07-01T00:00:00+07:00", LegalRegimeId.Decree118Of2025)] // the boundary instant belongs to the new regime
    [InlineData("2025-06-30T17:00:00+00:00", LegalRegimeId.Decree118Of2025)] // the same instant in UTC
    [InlineData("2026-01-05T09:00:00+07:00", LegalRegimeId.Decree118Of2025)]
    public void The_regime_is_the_one_in_force_at_receipt(string receivedAt, LegalRegimeId expected) =>
        Assert.Equal(expected, LegalRegime.At(T(receivedAt)).Id);

    [Fact]
    public void One_tick_before_the_boundary_is_still_the_old_regime() =>
        Assert.Equal(LegalRegime.Decree61Of2018, LegalRegime.At(LegalRegime.Decree118EffectiveFrom.AddTicks(-1)));

    [Theory]
    [InlineData(OfficialFormKind.ReceiptAndAppointment, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả")]
    [InlineData(OfficialFormKind.SupplementRequest, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ")]
    [InlineData(OfficialFormKind.Refusal, "Phiếu từ chối tiếp nhận giải quyết hồ sơ")]
    [InlineData(OfficialFormKind.ProcessControl, "Phiếu kiểm soát quá trình giải quyết hồ sơ")]
    [InlineData(OfficialFormKind.TrackingBook, "Sổ theo dõi hồ sơ")]
    [InlineData(OfficialFormKind.StopNotice, "Thông báo dừng giải quyết hồ sơ")]
    public void Both_regimes_use_the_official_titles(OfficialFormKind kind, string title)
    {
        foreach (LegalRegime regime in LegalRegime.All)
        {
            Assert.Equal(title, regime.Form(kind).Title);
            Assert.True(regime.Form(kind).Title.IsNormalized(System.Text.NormalizationForm.FormC));
            Assert.Equal(title.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), regime.Form(kind).PrintedTitle);
        }
    }

    [Fact]
    public void Printed_titles_are_in_capitals_with_their_diacritics() =>
        Assert.Equal("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", LegalRegime.Decree61Of2018.Form(OfficialFormKind.ApologyAndReschedule).PrintedTitle);

    [Theory]
    [InlineData(LegalRegimeId.Decree61Of2018, "Phiếu xin lỗi và hẹn lại ngày trả kết quả")]
    // Circular 03/2025 renamed form 04 (law-2026.md §5).
    [InlineData(LegalRegimeId.Decree118Of2025, "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết")]
    public void Form_04_keeps_the_title_of_the_regime_the_dossier_was_received_under(LegalRegimeId id, string title) =>
        Assert.Equal(title, LegalRegime.Of(id).Form(OfficialFormKind.ApologyAndReschedule).Title);

    [Theory]
    [InlineData(LegalRegimeId.Decree61Of2018, "TT01/2018", "ND61/2018")]
    [InlineData(LegalRegimeId.Decree118Of2025, "TT03/2025", "ND118/2025")]
    public void Each_regime_cites_its_texts_from_the_registry(LegalRegimeId id, string forms, string decree)
    {
        var regime = LegalRegime.Of(id);
        Assert.Equal(forms, regime.FormsSource.Key);
        Assert.Equal(decree, regime.DecreeSource.Key);
        Assert.StartsWith("Căn cứ " + regime.FormsSource.Citation, regime.Basis(OfficialFormKind.SupplementRequest), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OfficialFormKind.SupplementRequest)]
    [InlineData(OfficialFormKind.Refusal)]
    [InlineData(OfficialFormKind.ApologyAndReschedule)]
    public void Forms_02_to_04_of_circular_03_are_recorded_as_practice(OfficialFormKind kind) =>
        Assert.Equal(MotCua.Core.Legal.SourceCertainty.Practice, LegalRegime.Decree118Of2025.Form(kind).Certainty);

    [Theory]
    [InlineData(LegalRegimeId.Decree61Of2018, OfficialFormKind.ReceiptAndAppointment, "Mẫu số 01")]
    [InlineData(LegalRegimeId.Decree61Of2018, OfficialFormKind.ApologyAndReschedule, "Mẫu số 04")]
    [InlineData(LegalRegimeId.Decree61Of2018, OfficialFormKind.ProcessControl, "Mẫu số 05")]
    [InlineData(LegalRegimeId.Decree61Of2018, OfficialFormKind.TrackingBook, "Mẫu số 06")]
    [InlineData(LegalRegimeId.Decree61Of2018, OfficialFormKind.StopNotice, null)]
    [InlineData(LegalRegimeId.Decree118Of2025, OfficialFormKind.ReceiptAndAppointment, "Mẫu số 01")]
    [InlineData(LegalRegimeId.Decree118Of2025, OfficialFormKind.ApologyAndReschedule, "Mẫu số 04")]
    [InlineData(LegalRegimeId.Decree118Of2025, OfficialFormKind.StopNotice, "Mẫu số 05")]
    [InlineData(LegalRegimeId.Decree118Of2025, OfficialFormKind.ProcessControl, "Mẫu số 06")]
    [InlineData(LegalRegimeId.Decree118Of2025, OfficialFormKind.TrackingBook, "Mẫu số 07")]
    public void Form_numbers_follow_each_circular(LegalRegimeId id, OfficialFormKind kind, string? number) =>
        Assert.Equal(number, LegalRegime.Of(id).Form(kind).Number);

    [Fact]
    public void Each_regime_has_every_form_and_cites_its_circular()
    {
        foreach (LegalRegime regime in LegalRegime.All)
        {
            Assert.Equal(Enum.GetValues<OfficialFormKind>(), regime.Forms.Select(f => f.Kind));
        }

        Assert.Contains("01/2018/TT-VPCP", LegalRegime.Decree61Of2018.Circular, StringComparison.Ordinal);
        Assert.Contains("03/2025/TT-VPCP", LegalRegime.Decree118Of2025.Circular, StringComparison.Ordinal);
        Assert.Equal("Mẫu số 06 (Ban hành kèm theo Thông tư số 03/2025/TT-VPCP)", LegalRegime.Decree118Of2025.Caption(OfficialFormKind.ProcessControl));
        Assert.Equal("(Theo Thông tư số 01/2018/TT-VPCP)", LegalRegime.Decree61Of2018.Caption(OfficialFormKind.StopNotice));
    }
}
