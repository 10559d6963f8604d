using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>The portal could not be reached or did not answer as expected: try again later, nothing is lost.</summary>
public sealed class NationalPortalUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One dossier message as served, with its place in the portal's order.</summary>
public sealed record ServedMessage(long Seq, string Raw);

/// <summary>The portal's inbound endpoints: the dossiers waiting for this province, and the acknowledgement of each.</summary>
public sealed class NationalPortalClient(HttpClient http, IOptions<NationalPortalInboundOptions> options)
{
    private NationalPortalInboundOptions Options => options.Value;

    public async Task<IReadOnlyList<ServedMessage>> PendingAsync(string portalUnit, long after, int count, CancellationToken ct)
    {
        var path = "api/hoso/cho-nhan?maDonVi=" + Uri.EscapeDataString(portalUnit) + "&sau=" + after.ToString(CultureInfo.InvariantCulture)
            + "&soLuong=" + count.ToString(CultureInfo.InvariantCulture);
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return doc.RootElement.GetProperty("data").EnumerateArray()
                .Select(i => new ServedMessage(i.GetProperty("ThuTu").GetInt64(), i.GetProperty("HoSo").GetRawText())).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new NationalPortalUnavailableException("Cổng trả về danh sách hồ sơ không đúng cấu trúc.", e);
        }
    }

    public async Task AcknowledgeAsync(string nationalCode, IReadOnlyDictionary<string, object?> body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/hoso/" + Uri.EscapeDataString(nationalCode) + "/xac-nhan")
        {
            Content = JsonContent.Create(body),
        };
        using var response = await SendAsync(request, ct);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            request.RequestUri = new Uri(new Uri(Options.Url!.TrimEnd('/') + "/"), request.RequestUri!);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.Token);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                throw new NationalPortalUnavailableException("Không kết nối được Cổng Dịch vụ công quốc gia.", e);
            }
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                response.Dispose();
                throw new NationalPortalUnavailableException("Cổng Dịch vụ công quốc gia trả lời mã lỗi " + status.ToString(CultureInfo.InvariantCulture) + ".");
            }
            return response;
        }
    }
}
