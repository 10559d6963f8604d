using MotCua.Core.Dossiers;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;

namespace MotCua.Core.Tests.Reports;

/// <summary>Builders for report tests: Vietnam-local instants and facts with sensible defaults.</summary>
internal static class ReportFacts
{
    public static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    /// <summary>A Vietnam-local instant.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 9, int minute = 0) => new(year, month, day, hour, minute, 0, Vn);

    public static DossierFact Fact(
        string id,
        DateTimeOffset receivedAt,
        DateTimeOffset? dueAt,
        DossierChannel channel = DossierChannel.Direct,
        string unit = "u1",
        string field = "f1",
        string procedure = "p1") =>
        new(id, "000.00.00.H48-" + id, "a1", "Sở Khoa học và Công nghệ", unit, "Đơn vị " + unit, field, "Lĩnh vực " + field,
            procedure, "Thủ tục " + procedure, channel, receivedAt, dueAt);

    public static ProcedureFact Procedure(string key, OnlineServiceLevel level, string unit = "u1") => new(key, "Thủ tục " + key, unit, "f1", level);
}
