using System.Security.Claims;
using MotCua.Web.Features.Identity;
using MotCua.Web.Shared;
using MotCua.Web.Shared.Privacy;

namespace MotCua.Web.Features.Feedback;

/// <summary>The sender's contact as one officer may see it: in full or masked by the register's rule.</summary>
public sealed record FeedbackContact(string Name, string Address, string? Phone, string? Email, bool Masked);

/// <summary>
/// Who sees a PAKN sender's contact and attachments in full (the personal-data law: only those who need them). The
/// officers handling the PAKN do: the control focal officer, who registers PAKN and answers the sender; the officers of
/// the unit it is assigned to; the officer who drafted the answer. Everyone else of the agency (leaders, administrators,
/// the one-stop desk, other units) sees the contact masked with the register's masks and no attachments.
/// </summary>
public static class FeedbackPrivacy
{
    public static bool SeesInFull(ClaimsPrincipal user, FeedbackItem item)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(item);
        return user.IsInRole(Roles.ControlFocalOfficer)
            || (item.AssignedUnitId is { } unit && unit == user.UnitId())
            || (item.DraftedBy is { } drafter && string.Equals(drafter, user.Identity?.Name, StringComparison.Ordinal));
    }

    /// <summary>The contact for <paramref name="user"/>, each field masked with its mask from <see cref="PersonalData"/>.</summary>
    public static FeedbackContact Contact(ClaimsPrincipal user, FeedbackItem item)
    {
        if (SeesInFull(user, item))
        {
            return new(item.SenderName, item.SenderAddress, item.SenderPhone, item.SenderEmail, false);
        }
        static string? Masked(string? value, string property) =>
            PersonalData.Mask(value, PersonalData.Find(typeof(FeedbackItem), property)?.Mask ?? MaskKind.Digits);
        return new(Masked(item.SenderName, nameof(FeedbackItem.SenderName))!, Masked(item.SenderAddress, nameof(FeedbackItem.SenderAddress))!,
            Masked(item.SenderPhone, nameof(FeedbackItem.SenderPhone)), Masked(item.SenderEmail, nameof(FeedbackItem.SenderEmail)), true);
    }
}
