using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalogue;

/// <summary>Drives the officer catalogue pages through their real forms.</summary>
internal static class CataloguePages
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string? tokenPath = null)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(client, tokenPath ?? path.Split('?')[0]);
        var all = fields.Append(new("__RequestVerificationToken", token)).ToList();
        return await client.PostAsync(path, new FormUrlEncodedContent(all));
    }

    /// <summary>Saves a draft (new procedure when <paramref name="id"/> is null) and returns the procedure id.</summary>
    public static async Task<int> SaveDraftAsync(MotCuaApp app, HttpClient client, string code, string name, string time, int? id = null,
        string fees = "Lệ phí | 200.000", string papers = "Đơn đề nghị | Bản chính | 1 | Mẫu 01")
    {
        var path = id is null ? "/quan-tri/thu-tuc/sua" : $"/quan-tri/thu-tuc/sua/{id}";
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Name"] = name,
            ["Input.FieldName"] = "Năng lượng nguyên tử, an toàn bức xạ và hạt nhân",
            ["Input.Level"] = "Province",
            ["Input.TimeValue"] = time,
            ["Input.TimeUnit"] = "WorkingDays",
            ["Input.FeesConfirmed"] = "true",
            ["Input.LegalBases[0].Number"] = "08/2010/TT-BKHCN",
            ["Input.LegalBases[0].Title"] = "Hướng dẫn khai báo, cấp giấy phép",
            ["Input.LegalBases[0].IssuedOn"] = "22/07/2010",
            ["Input.LegalBases[0].Issuer"] = "Bộ Khoa học và Công nghệ",
            ["Input.OnlineLevel"] = "Partial",
            ["Input.AtOneStop"] = "true",
            ["Input.PostalReceipt"] = "true",
        };
        foreach (var kv in Rows("Fees", fees, "Name", "Amount", "LegalBasis").Concat(Rows("Papers", papers, "Name", "Form", "Quantity", "Template")))
        {
            fields[kv.Key] = kv.Value;
        }
        var response = await PostAsync(client, path, fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Saving the draft failed: " + await response.Content.ReadAsStringAsync());
        }
        await using var db = app.CreateDbContext();
        return await db.Procedures.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }

    /// <summary>Row fields from the short "a | b | c" lines tests write: one row per line, one field per part.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Rows(string list, string lines, params string[] names) =>
        lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany((line, i) => line.Split('|').Select(p => p.Trim()).Zip(names)
            .Select(x => new KeyValuePair<string, string>($"Input.{list}[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}].{x.Second}",
                x.Second == "Form" ? (CatalogueLines.ParseForm(x.First)?.ToString() ?? x.First) : x.First)));

    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, string number, string signedOn, string effectiveFrom, int[]? publish = null, int[]? abolish = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Number", number),
            new("Input.SignedOn", signedOn),
            new("Input.EffectiveFrom", effectiveFrom),
            new("Input.Issuer", "ProvincialChairman"),
            new("Input.IssuerName", "Chủ tịch UBND tỉnh Phú Yên"),
        };
        fields.AddRange((publish ?? []).Select(id => new KeyValuePair<string, string>("Input.Publish", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        fields.AddRange((abolish ?? []).Select(id => new KeyValuePair<string, string>("Input.Abolish", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return PostAsync(client, "/quan-tri/thu-tuc/quyet-dinh", fields);
    }

    public static async Task<int> AgencyIdAsync(MotCuaApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.Agencies.Where(a => a.Code == "SKHCN").Select(a => a.Id).SingleAsync();
    }
}
