using MotCua.Core.Dossiers;

namespace MotCua.Core.Tests.Dossiers;

public sealed class NationalStatusTests
{
    [Theory]
    [InlineData(DossierStatus.Submitted, 1, "Mới đăng ký")]
    [InlineData(DossierStatus.Received, 2, "Được tiếp nhận")]
    [InlineData(DossierStatus.Refused, 3, "Không được tiếp nhận")]
    [InlineData(DossierStatus.InProcessing, 4, "Đang xử lý")]
    [InlineData(DossierStatus.AwaitingApproval, 4, "Đang xử lý")]
    [InlineData(DossierStatus.AwaitingInterAgency, 4, "Đang xử lý")]
    [InlineData(DossierStatus.Suspended, 4, "Đang xử lý")]
    [InlineData(DossierStatus.AwaitingSupplement, 5, "Yêu cầu bổ sung giấy tờ")]
    [InlineData(DossierStatus.AwaitingFinancialObligation, 6, "Yêu cầu thực hiện nghĩa vụ tài chính")]
    [InlineData(DossierStatus.Withdrawn, 7, "Công dân yêu cầu rút hồ sơ")]
    [InlineData(DossierStatus.RefusedAfterReceipt, 7, "Công dân yêu cầu rút hồ sơ")]
    [InlineData(DossierStatus.Stopped, 8, "Dừng xử lý")]
    [InlineData(DossierStatus.ResultIssued, 9, "Đã xử lý xong")]
    [InlineData(DossierStatus.Returned, 10, "Đã trả kết quả")]
    public void Maps_each_status_to_its_national_code(DossierStatus status, int code, string name)
    {
        NationalStatus? national = NationalStatus.From(status);
        Assert.NotNull(national);
        Assert.Equal(code, national.Code);
        Assert.Equal(name, national.Name);
    }

    [Fact]
    public void Drafts_are_never_synchronised() => Assert.Null(NationalStatus.From(DossierStatus.Draft));

    [Fact]
    public void Every_status_but_draft_has_a_code_and_terminal_statuses_map_to_terminal_codes()
    {
        int[] terminalCodes = [3, 7, 8, 10];
        foreach (DossierStatus status in Enum.GetValues<DossierStatus>().Where(s => s != DossierStatus.Draft))
        {
            NationalStatus national = NationalStatus.From(status)!;
            Assert.Equal(DossierStateMachine.IsTerminal(status), terminalCodes.Contains(national.Code));
        }
    }

    [Fact]
    public void The_ten_codes_in_order()
    {
        Assert.Equal(Enumerable.Range(1, 10), NationalStatus.All.Select(s => s.Code));
        Assert.Equal(NationalStatus.Stopped, NationalStatus.FromCode(8));
        Assert.Null(NationalStatus.FromCode(0));
        Assert.Null(NationalStatus.FromCode(11));
    }
}
