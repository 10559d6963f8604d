namespace MotCua.Core.Dossiers;

/// <summary>A fee line in the national format (DanhSachLePhi).</summary>
public sealed record NationalFee(string TenPhiLePhi, decimal MucPhi);

/// <summary>An attached or result paper in the national format.</summary>
public sealed record NationalFile(string TenTepDinhKem, string? DuongDanTaiTepTin = null);

/// <summary>
/// A dossier as the national public service portal (Cổng DVCQG) receives it in "DongBoHoSoMC". Field names are the
/// national ones (integration.md); the exchange protocol of TT 04/2025/TT-VPCP is unconfirmed, so this mapping and
/// the web app's NationalSync.BuildPayload are the one place to change when it is. Plain data, so the dossier path can
/// describe the dossier without knowing the integration that sends it.
/// </summary>
public sealed record NationalDossierSnapshot
{
    public required string MaHoSo { get; init; }

    /// <summary>The portal's own code for a dossier that came from it, so it can match the update; null for one received here.</summary>
    public string? MaHoSoQG { get; init; }

    public required string MaTTHC { get; init; }

    public required string TenTTHC { get; init; }

    public string? MaLinhVuc { get; init; }

    public required string ChuHoSo { get; init; }

    /// <summary>1 = citizen, 2 = organisation, 3 = business (the portal's codes).</summary>
    public int LoaiDoiTuong { get; init; } = 1;

    public DateTimeOffset? NgayTiepNhan { get; init; }

    public DateTimeOffset? NgayHenTra { get; init; }

    /// <summary>Status code 1–10 of dossiers.md §3.2.</summary>
    public required int TrangThaiHoSo { get; init; }

    public DateTimeOffset? NgayTra { get; init; }

    /// <summary>1 = at the desk, 2 = online, 3 = by post.</summary>
    public int HinhThuc { get; init; } = 1;

    public string? DonViXuLy { get; init; }

    public IReadOnlyList<NationalFee> DanhSachLePhi { get; init; } = [];

    public IReadOnlyList<NationalFile> DanhSachTepDinhKemKhac { get; init; } = [];

    public IReadOnlyList<string> DanhSachHoSoBoSung { get; init; } = [];

    public IReadOnlyList<NationalFile> DanhSachGiayToKetQua { get; init; } = [];
}
