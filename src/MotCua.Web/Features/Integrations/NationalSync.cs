using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;
using MotCua.Web.Data;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Integrations;

public static class NationalSync
{
    public const string Service = "DongBoHoSoMC";

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Dates the way open implementations send them: local Vietnam time as yyyyMMddHHmmss.</summary>
    public static string? PortalDate(DateTimeOffset? instant) =>
        instant?.ToOffset(TimeSpan.FromHours(7)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>The JSON body sent to the portal for one dossier snapshot.</summary>
    public static string BuildPayload(NationalDossierSnapshot d, DossierEventKind kind)
    {
        ArgumentNullException.ThrowIfNull(d);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["service"] = Service,
            // An update replaces the portal's copy; a first push creates it.
            ["isUpdating"] = kind == DossierEventKind.Received ? "false" : "true",
            ["data"] = new[]
            {
                new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["MaHoSo"] = d.MaHoSo,
                    ["MaHoSoQG"] = d.MaHoSoQG,
                    ["MaTTHC"] = d.MaTTHC,
                    ["TenTTHC"] = d.TenTTHC,
                    ["MaLinhVuc"] = d.MaLinhVuc,
                    ["ChuHoSo"] = d.ChuHoSo,
                    ["LoaiDoiTuong"] = d.LoaiDoiTuong.ToString(CultureInfo.InvariantCulture),
                    ["NgayTiepNhan"] = PortalDate(d.NgayTiepNhan),
                    ["NgayHenTra"] = PortalDate(d.NgayHenTra),
                    ["TrangThaiHoSo"] = d.TrangThaiHoSo.ToString(CultureInfo.InvariantCulture),
                    ["NgayTra"] = PortalDate(d.NgayTra),
                    ["HinhThuc"] = d.HinhThuc.ToString(CultureInfo.InvariantCulture),
                    ["DonViXuLy"] = d.DonViXuLy,
                    ["DanhSachLePhi"] = d.DanhSachLePhi.Select(f => new { f.TenPhiLePhi, MucPhi = f.MucPhi.ToString(CultureInfo.InvariantCulture) }),
                    ["DanhSachTepDinhKemKhac"] = d.DanhSachTepDinhKemKhac,
                    ["DanhSachHoSoBoSung"] = d.DanhSachHoSoBoSung,
                    ["DanhSachGiayToKetQua"] = d.DanhSachGiayToKetQua,
                },
            },
        };
        return JsonSerializer.Serialize(body, Json);
    }

    /// <summary>
    /// Adds a sync message for <paramref name="snapshot"/> to the caller's context (no save). Does nothing and returns
    /// null when no portal endpoint is configured: an unconnected installation has nothing to sync.
    /// </summary>
    public static OutboxMessage? Enqueue(AppDbContext db, TimeProvider time, NationalPortalOptions portal, int agencyId, NationalDossierSnapshot snapshot, DossierEventKind kind)
    {
        ArgumentNullException.ThrowIfNull(portal);
        if (!portal.Enabled)
        {
            return null;
        }
        return Outbox.Enqueue(db, time, new OutboxMessage
        {
            AgencyId = agencyId,
            Kind = EventRouting.EventName(kind),
            Channel = OutboxChannel.NationalPortal,
            Recipient = portal.Url!,
            DossierCode = snapshot.MaHoSo,
            NationalStatusCode = snapshot.TrangThaiHoSo,
            Body = BuildPayload(snapshot, kind),
        });
    }

    /// <summary>
    /// Dossier codes of the agency whose sync the portal acknowledged in [from, to): what the QĐ 766 "synced"
    /// indicator counts (a dossier counts once however many updates were acknowledged).
    /// </summary>
    public static async Task<IReadOnlyList<string>> AcknowledgedDossierCodesAsync(AppDbContext db, int agencyId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        await db.OutboxMessages.AsNoTracking()
            .Where(m => m.AgencyId == agencyId && m.Channel == OutboxChannel.NationalPortal && m.AcknowledgedAt != null
                && m.AcknowledgedAt >= from && m.AcknowledgedAt < to && m.DossierCode != null)
            .Select(m => m.DossierCode!)
            .Distinct()
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The portal's acknowledgement: a 2xx response whose JSON body says success, either <c>"error_code": "0"</c> (the
    /// national services' convention) or <c>"acknowledged": true</c>. Anything else is not an acknowledgement.
    /// </summary>
    public static bool IsAcknowledgement(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            if (root.TryGetProperty("acknowledged", out var ack) && ack.ValueKind == JsonValueKind.True)
            {
                return true;
            }
            if (root.TryGetProperty("error_code", out var code))
            {
                return code.ValueKind switch
                {
                    JsonValueKind.String => string.Equals(code.GetString(), "0", StringComparison.Ordinal),
                    JsonValueKind.Number => code.TryGetInt32(out var n) && n == 0,
                    _ => false,
                };
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
