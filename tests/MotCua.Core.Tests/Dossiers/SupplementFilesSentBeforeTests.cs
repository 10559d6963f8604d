using MotCua.Core.Dossiers;

namespace MotCua.Core.Tests.Dossiers;

/// <summary>Files of a refused answer are offered again when a later round asks for the same paper.</summary>
public sealed class SupplementFilesSentBeforeTests
{
    private static readonly ReviewedItem[] Earlier =
    [
        new("BS1-01", 1, "Giấy đăng ký kinh doanh", Accepted: false, Files: 2),
        new("BS1-02", 1, "Bản vẽ mặt bằng", Accepted: true, Files: 1),
        new("BS1-03", 1, "Hợp đồng thuê nhà", Accepted: false, Files: 0),
        new("BS2-01", 2, "giấy đăng ký kinh doanh ", Accepted: false, Files: 1),
        new("BS1-04", 1, "Sơ đồ vị trí", Accepted: null, Files: 1),
    ];

    [Theory]
    // The latest refused answer with files for the same paper (case and spaces aside).
    [InlineData("Giấy đăng ký kinh doanh", 3, "BS2-01")]
    [InlineData("Giấy đăng ký kinh doanh", 2, "BS1-01")]
    // Accepted, never reviewed, or refused without files: nothing to offer again.
    [InlineData("Bản vẽ mặt bằng", 2, null)]
    [InlineData("Sơ đồ vị trí", 2, null)]
    [InlineData("Hợp đồng thuê nhà", 2, null)]
    // Another paper: nothing.
    [InlineData("Giấy chứng nhận an toàn bức xạ", 2, null)]
    public void The_files_offered_again_are_those_of_the_latest_refused_answer_for_the_paper(string paper, int round, string? expected) =>
        Assert.Equal(expected, SupplementRounds.FilesSentBefore(new CodedItem("BSx", paper), round, Earlier)?.Code);
}
