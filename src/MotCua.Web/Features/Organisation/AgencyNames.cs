namespace MotCua.Web.Features.Organisation;

/// <summary>How pages name the agency's level and kind (two levels of local government: province and commune).</summary>
public static class AgencyNames
{
    public static string Level(AgencyLevel level) => level switch
    {
        AgencyLevel.Province => "Cấp tỉnh",
        AgencyLevel.Commune => "Cấp xã",
    };

    public static string Kind(AgencyKind kind) => kind switch
    {
        AgencyKind.Department => "Sở, ban, ngành",
        AgencyKind.PeopleCommittee => "Ủy ban nhân dân",
        AgencyKind.ServiceCentre => "Trung tâm Phục vụ hành chính công",
        AgencyKind.Other => "Khác",
    };
}
