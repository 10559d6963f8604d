namespace MotCua.Web.Features.AgencyMerges;

/// <summary>
/// Merging agencies moves the rows of many features (catalogue, dossiers, accounts, plans), so it lives in its own
/// folder after them rather than in Organisation, which every one of them uses.
/// </summary>
public static class AgencyMergesModule
{
    public static IServiceCollection AddAgencyMerges(this IServiceCollection services) => services.AddScoped<AgencyMergeService>().AddScoped<UnitMergeService>();

    public static string AccountHandlingName(Organisation.Merging.MergeAccountHandling handling) => handling switch
    {
        Organisation.Merging.MergeAccountHandling.KeepUnits => "Chuyển sang cơ quan hợp nhất, giữ nguyên đơn vị",
        Organisation.Merging.MergeAccountHandling.MoveToUnit => "Chuyển sang một đơn vị của cơ quan hợp nhất (kèm hồ sơ đơn vị đang giữ)",
        Organisation.Merging.MergeAccountHandling.Close => "Ngừng sử dụng tài khoản",
    };
}
