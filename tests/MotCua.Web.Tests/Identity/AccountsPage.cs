using System.Net;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

/// <summary>Drives the accounts admin page the way an administrator's browser does.</summary>
internal static class AccountsPage
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient admin, Dictionary<string, string> fields, params string[] roles)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(admin, "/quan-tri/tai-khoan");
        var form = fields.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value))
            .Concat(roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        return await admin.PostAsync("/quan-tri/tai-khoan", new FormUrlEncodedContent(form));
    }

    public static async Task CreateAsync(HttpClient admin, string userName, string fullName, string role, string password)
    {
        var response = await PostAsync(admin, new()
        {
            ["Input.UserName"] = userName,
            ["Input.FullName"] = fullName,
            ["Input.Password"] = password,
            ["Input.IsActive"] = "true",
        }, role);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Account not created: " + await response.Content.ReadAsStringAsync());
        }
    }
}
