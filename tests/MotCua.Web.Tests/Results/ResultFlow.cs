using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Results;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Results;

/// <summary>A dossier taken to the leader's approval through the API, and the result panel's forms posted as the browser does.</summary>
internal static class ResultFlow
{
    public const string Phone = "0905123456";
    public const string IdNumber = "079085001234";

    public static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..8];

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task ActAsync(HttpClient client, string code, string action, object? extra = null)
    {
        var current = await ReadAsync(await client.GetAsync("/api/dossiers/" + code), HttpStatusCode.OK);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["action"] = action, ["rowVersion"] = current.GetProperty("rowVersion").GetInt64() };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        await ReadAsync(await client.PostAsJsonAsync("/api/dossiers/" + code + "/actions", body), HttpStatusCode.OK);
    }

    /// <summary>Received, transferred and assigned to the specialist: the result may be drafted.</summary>
    public static async Task<string> InProcessingAsync(MotCuaApp app, string applicant)
    {
        using var desk = await app.ApiClientAsync("motcua");
        using var leader = await app.ApiClientAsync("lanhdao");
        var code = await Citizens.LookupAndEvaluationTests.ReceiveAsync(desk, applicant);
        int unit;
        await using (var db = app.CreateDbContext())
        {
            unit = await db.Units.Where(u => u.Name == "Chi cục Tiêu chuẩn Đo lường Chất lượng").Select(u => u.Id).SingleAsync();
        }
        await ActAsync(desk, code, "transfer", new { unitId = unit });
        await ActAsync(leader, code, "assign", new { assignee = "chuyenvien" });
        return code;
    }

    /// <summary>The specialist submits to the leader, with an appraisal and the leader chosen.</summary>
    public static async Task AppraiseAsync(MotCuaApp app, string code)
    {
        using var specialist = await app.ApiClientAsync("chuyenvien");
        await ActAsync(specialist, code, "appraise", new { note = "Hồ sơ đủ điều kiện cấp giấy phép.", leaderUserId = "lanhdao" });
    }

    public static async Task<HttpResponseMessage> RecordAsync(HttpClient officer, string code, byte[]? pdf = null, string number = "15", string? summary = null)
    {
        var token = await MotCuaApp.AntiforgeryTokenAsync(officer, "/ho-so/" + code);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(code), "DossierCode" },
            { new StringContent("Licence"), "Type" },
            { new StringContent(number), "Number" },
            { new StringContent("GP-SKHCN"), "Symbol" },
            { new StringContent(summary ?? "Cấp giấy phép tiến hành công việc bức xạ"), "Summary" },
            { new StringContent("2025-03-10"), "IssuedOn" },
            { new StringContent(TestCertificates.SignerName), "SignerName" },
            { new StringContent("Phó Giám đốc"), "SignerPosition" },
            { new StringContent("2025-03-10"), "ValidFrom" },
            { new StringContent("2030-03-10"), "ValidTo" },
        };
        if (pdf is not null)
        {
            form.Add(new ByteArrayContent(pdf), "Upload", "giay-phep.pdf");
        }
        return await officer.PostAsync("/ket-qua-ho-so?handler=Record", form);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient officer, string code, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await MotCuaApp.AntiforgeryTokenAsync(officer, "/ho-so/" + code);
        using var content = new FormUrlEncodedContent(fields);
        return await officer.PostAsync("/ket-qua-ho-so?handler=" + handler, content);
    }

    public static Task<HttpResponseMessage> SignAsync(HttpClient leader, string code, int id, string? secret) =>
        PostAsync(leader, code, "Sign", new(StringComparer.Ordinal) { ["Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Secret"] = secret ?? "" });

    public static Task<HttpResponseMessage> WithdrawAsync(HttpClient leader, string code, int id, bool correct, string reason) =>
        PostAsync(leader, code, "Withdraw", new(StringComparer.Ordinal)
        {
            ["Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Correct"] = correct ? "true" : "false", ["Reason"] = reason,
        });

    public static async Task<List<ResultDocument>> ResultsAsync(MotCuaApp app, string code)
    {
        await using var db = app.CreateDbContext();
        return await db.ResultDocuments.AsNoTracking().Where(r => r.DossierCode == code).OrderBy(r => r.Id).ToListAsync();
    }

    public static async Task<List<AuditEntry>> AuditAsync(MotCuaApp app, string code, string action)
    {
        await using var db = app.CreateDbContext();
        return await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityId == code && a.Action == action).ToListAsync();
    }

    /// <summary>Records a draft as the specialist, submits it, and signs it as the leader; the signed result.</summary>
    public static async Task<(string Code, ResultDocument Result)> SignedAsync(MotCuaApp app, string applicant, string secret, byte[]? pdf = null)
    {
        var code = await InProcessingAsync(app, applicant);
        using var specialist = await app.LoginAsync("chuyenvien");
        Redirected(await RecordAsync(specialist, code, pdf));
        await AppraiseAsync(app, code);
        using var leader = await app.LoginAsync("lanhdao");
        var draft = (await ResultsAsync(app, code)).Single();
        Redirected(await SignAsync(leader, code, draft.Id, secret));
        return (code, (await ResultsAsync(app, code)).Single());
    }

    public static void Redirected(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{response.StatusCode}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
    }

    /// <summary>pdfsig (poppler-utils, an independent implementation) on a PDF: its report.</summary>
    public static string PdfSig(byte[] pdf) => Run("pdfsig", pdf);

    public static string PdfText(byte[] pdf) => Run("pdftotext", pdf, "-");

    private static string Run(string tool, byte[] pdf, string? tail = null)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, $"\"{file}\" {tail}") { RedirectStandardOutput = true, RedirectStandardError = true })
                ?? throw new InvalidOperationException(tool + " did not start");
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output + error;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
