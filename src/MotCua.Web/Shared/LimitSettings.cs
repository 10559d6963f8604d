using System.Globalization;
using MotCua.Core.Calendar;
using MotCua.Core.Legal;

namespace MotCua.Web.Shared;

/// <summary>
/// The province's dated time-limit settings (section <c>MotCua:Limits</c>); anything not configured keeps the default of
/// <see cref="TimeLimitRule"/>, which names the text each value rests on.
/// </summary>
public static class LimitSettings
{
    public const string Section = "MotCua:Limits";

    /// <summary>
    /// Reads <c>CivilCodeCountingFrom</c> (receipt date from which limits are counted by the Civil Code),
    /// <c>OnlineCheckWorkingHours</c> with <c>OnlineCheckFrom</c> (a provincial check time and the submission date it applies
    /// from), <c>ProcessingSupplementWorkingDays</c> and <c>SupplementNoticeWorkingDays</c> with <c>…From</c> dates
    /// (the processing body's time to request a supplement and the desk's time to notify the applicant), and <c>PublicationWorkingDaysFrom</c> (effective date of legal texts from which publication lead times count
    /// working days).
    /// </summary>
    /// <exception cref="InvalidOperationException">A value is not a date (yyyy-MM-dd) or a positive number of hours.</exception>
    public static TimeLimitRule Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var rule = new TimeLimitRule(Date(section, "CivilCodeCountingFrom") ?? TimeLimitRule.DefaultCivilCodeFrom);
        if (section["OnlineCheckWorkingHours"] is { Length: > 0 } hoursText)
        {
            if (!decimal.TryParse(hoursText, NumberStyles.Number, CultureInfo.InvariantCulture, out var hours) || hours <= 0)
            {
                throw new InvalidOperationException($"{Section}:OnlineCheckWorkingHours must be a positive number of working hours.");
            }
            var from = Date(section, "OnlineCheckFrom") ?? DateOnly.MinValue;
            rule = rule with
            {
                OnlineCheck = [.. TimeLimitRule.DefaultOnlineCheck.Where(v => v.From < from), new DatedValue<ProcessingTime>(from, ProcessingTime.WorkingHours(hours), LegalSources.Decree297of2025)],
            };
        }
        if (WorkingDays(section, "ProcessingSupplementWorkingDays") is { } requestDays)
        {
            var from = Date(section, "ProcessingSupplementFrom") ?? DateOnly.MinValue;
            rule = rule with
            {
                ProcessingSupplement = [.. TimeLimitRule.DefaultProcessingSupplement.Where(v => v.From < from),
                    new DatedValue<ProcessingTime>(from, ProcessingTime.WorkingDays(requestDays), LegalSources.Decree118of2025SupplementAfterAppraisal)],
            };
        }
        if (WorkingDays(section, "SupplementNoticeWorkingDays") is { } noticeDays)
        {
            var from = Date(section, "SupplementNoticeFrom") ?? DateOnly.MinValue;
            rule = rule with
            {
                SupplementNotice = [.. TimeLimitRule.DefaultSupplementNotice.Where(v => v.From < from),
                    new DatedValue<ProcessingTime>(from, ProcessingTime.WorkingDays(noticeDays), LegalSources.Decree118of2025SupplementAfterAppraisal)],
            };
        }
        if (Date(section, "PublicationWorkingDaysFrom") is { } publicationFrom)
        {
            rule = rule with
            {
                PublicationCounting =
                [
                    new DatedValue<TimeUnit>(DateOnly.MinValue, TimeUnit.CalendarDays, null),
                    new DatedValue<TimeUnit>(publicationFrom, TimeUnit.WorkingDays, LegalSources.Decree48of2013),
                ],
            };
        }
        return rule;
    }

    private static decimal? WorkingDays(IConfigurationSection section, string key) =>
        section[key] is not { Length: > 0 } text ? null
        : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var days) && days > 0 ? days
        : throw new InvalidOperationException($"{Section}:{key} must be a positive number of working days.");

    private static DateOnly? Date(IConfigurationSection section, string key) =>
        section[key] is not { Length: > 0 } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new InvalidOperationException($"{Section}:{key} must be a date written yyyy-MM-dd.");
}
