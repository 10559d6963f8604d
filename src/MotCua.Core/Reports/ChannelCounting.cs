using MotCua.Core.Dossiers;

namespace MotCua.Core.Reports;

/// <summary>How reports and indices count the channel a dossier came in by.</summary>
public static class ChannelCounting
{
    /// <summary>
    /// Submitted online: on the agency's own portal or on the National Public Service Portal, which since 1/7/2025 is where
    /// citizens mostly submit online; a report that counted only the first would show online submission falling.
    /// </summary>
    public static bool CountsAsOnline(this DossierChannel channel) => channel is DossierChannel.Online or DossierChannel.NationalPortal;
}
