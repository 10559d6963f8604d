using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Dates;

namespace MotCua.Web.Tests.Shared;

/// <summary>Typed dates are read day first whatever the current culture; ISO still works for links and bookmarks.</summary>
public sealed class DateBindingTests
{
    public static TheoryData<string, string, int, int, int> AcceptedDates => new()
    {
        { "en-US", "06/12/2026", 2026, 12, 6 },
        { "vi-VN", "06/12/2026", 2026, 12, 6 },
        { "en-US", "6/12/2026", 2026, 12, 6 },
        { "en-US", "06-12-2026", 2026, 12, 6 },
        { "vi-VN", "6.12.2026", 2026, 12, 6 },
        { "en-US", " 31/01/2027 ", 2027, 1, 31 },
        { "en-US", "2026-12-06", 2026, 12, 6 },
        { "vi-VN", "2026-12-06", 2026, 12, 6 },
        { "en-US", "29/02/2028", 2028, 2, 29 },
    };

    public static TheoryData<string, string> RefusedDates => new()
    {
        { "en-US", "31/02/2026" },
        { "vi-VN", "31/02/2026" },
        { "en-US", "13/13/2026" },
        { "en-US", "12/31/2026" },
        { "en-US", "29/02/2027" },
        { "vi-VN", "hôm nay" },
        { "en-US", "06/12/26" },
        { "en-US", "2026-13-01" },
        { "en-US", "Dec 6, 2026" },
    };

    [Theory]
    [MemberData(nameof(AcceptedDates))]
    public async Task A_day_first_or_ISO_date_binds_to_that_day(string culture, string text, int year, int month, int day)
    {
        var expected = new DateOnly(year, month, day);
        foreach (var type in new[] { typeof(DateOnly), typeof(DateOnly?) })
        {
            var (value, state) = await UnderCultureAsync(culture, () => BindAsync(type, text));
            Assert.Equal(0, state.ErrorCount);
            Assert.Equal(expected, value);
        }
        var (dateTime, _) = await UnderCultureAsync(culture, () => BindAsync(typeof(DateTime?), text));
        Assert.Equal(expected.ToDateTime(TimeOnly.MinValue), dateTime);
    }

    [Theory]
    [MemberData(nameof(RefusedDates))]
    public async Task An_impossible_or_month_first_date_is_a_Vietnamese_error_naming_the_field(string culture, string text)
    {
        foreach (var type in new[] { typeof(DateOnly), typeof(DateOnly?), typeof(DateTime?), typeof(DateTimeOffset?) })
        {
            var (value, state) = await UnderCultureAsync(culture, () => BindAsync(type, text));
            Assert.Null(value);
            var error = Assert.Single(state["d"]!.Errors).ErrorMessage;
            Assert.Contains($"“{text.Trim()}” không hợp lệ, hãy nhập theo dạng ngày/tháng/năm", error, StringComparison.Ordinal);
            Assert.StartsWith("Ngày nhận", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en-US", "06/12/2026 14:30")]
    [InlineData("vi-VN", "6/12/2026 14:30")]
    [InlineData("en-US", "06-12-2026 14:30")]
    [InlineData("en-US", "2026-12-06T14:30")]
    [InlineData("vi-VN", "2026-12-06T14:30:00")]
    [InlineData("en-US", "2026-12-06T14:30:00.000")]
    public async Task A_date_time_is_Vietnam_wall_time(string culture, string text)
    {
        var (local, _) = await UnderCultureAsync(culture, () => BindAsync(typeof(DateTime?), text));
        Assert.Equal(new DateTime(2026, 12, 6, 14, 30, 0, DateTimeKind.Unspecified), local);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)local!).Kind);
        var (instant, _) = await UnderCultureAsync(culture, () => BindAsync(typeof(DateTimeOffset), text));
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 7, 30, 0, TimeSpan.Zero), instant);
        Assert.Equal(VietnamTime.Offset, ((DateTimeOffset)instant!).Offset);
    }

    [Theory]
    [InlineData("06/12/2026 25:00")]
    [InlineData("06/12/2026 14:61")]
    [InlineData("31/04/2026 08:00")]
    public async Task An_impossible_time_is_refused(string text)
    {
        var (value, state) = await BindAsync(typeof(DateTime?), text);
        Assert.Null(value);
        Assert.Contains("ngày/tháng/năm giờ:phút", Assert.Single(state["d"]!.Errors).ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "14:30", 14, 30)]
    [InlineData("vi-VN", "7:05", 7, 5)]
    [InlineData("en-US", "14h30", 14, 30)]
    [InlineData("en-US", "07:00:00.000", 7, 0)]
    public async Task A_time_is_read_on_the_24_hour_clock(string culture, string text, int hour, int minute)
    {
        var (value, state) = await UnderCultureAsync(culture, () => BindAsync(typeof(TimeOnly), text));
        Assert.Equal(0, state.ErrorCount);
        Assert.Equal(new TimeOnly(hour, minute), value);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("3:00 PM")]
    [InlineData("bảy giờ")]
    public async Task A_time_that_is_not_24_hour_is_refused_in_Vietnamese(string text)
    {
        var (value, state) = await BindAsync(typeof(TimeOnly), text);
        Assert.Null(value);
        Assert.Equal($"Ngày nhận “{text}” không hợp lệ, hãy nhập giờ:phút theo 24 giờ, ví dụ 14:30.", Assert.Single(state["d"]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task A_blank_field_is_no_date_when_optional_and_an_error_when_required()
    {
        var (optional, optionalState) = await BindAsync(typeof(DateOnly?), "  ");
        Assert.Null(optional);
        Assert.Equal(0, optionalState.ErrorCount);
        var (_, requiredState) = await BindAsync(typeof(DateOnly), "");
        Assert.Equal("Ngày nhận chưa được nhập.", Assert.Single(requiredState["d"]!.Errors).ErrorMessage);
    }

    [Theory]
    [InlineData("2026-12-06", false, "06/12/2026")]
    [InlineData("2026-12-06T14:30:00.000", true, "06/12/2026 14:30")]
    [InlineData("2026-12-06T14:30", false, "06/12/2026")]
    [InlineData("06/12/2026", false, "06/12/2026")]
    [InlineData("31/02/2026", false, "31/02/2026")]
    public void A_field_shows_its_value_day_first_and_keeps_a_refused_entry_as_typed(string value, bool withTime, string shown) =>
        Assert.Equal(shown, DateText.ForField(value, withTime));

    private static async Task<(object? Value, ModelStateDictionary State)> BindAsync(Type type, string text)
    {
        var metadata = new LabelledMetadataProvider().GetMetadataForType(type);
        var values = new QueryStringValueProvider(BindingSource.Query, new QueryCollection(new Dictionary<string, StringValues> { ["d"] = text }), CultureInfo.CurrentCulture);
        var context = DefaultModelBindingContext.CreateBindingContext(new ActionContext(new DefaultHttpContext(), new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()), values, metadata, bindingInfo: null, modelName: "d");
        await new DateModelBinder(Nullable.GetUnderlyingType(type) ?? type).BindModelAsync(context);
        return (context.Result.IsModelSet ? context.Result.Model : null, context.ModelState);
    }

    private static async Task<T> UnderCultureAsync<T>(string culture, Func<Task<T>> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return await action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    /// <summary>Gives every type the display name "Ngày nhận", as a [Display] attribute on a page property would.</summary>
    private sealed class LabelledMetadataProvider : EmptyModelMetadataProvider
    {
        protected override ModelMetadata CreateModelMetadata(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultMetadataDetails entry)
        {
            entry.DisplayMetadata = new() { DisplayName = () => "Ngày nhận" };
            return base.CreateModelMetadata(entry);
        }
    }
}
