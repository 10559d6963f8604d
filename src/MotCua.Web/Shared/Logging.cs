namespace MotCua.Web.Shared;

public static class Logging
{
    /// <summary>Structured JSON logs in production (one object a line, for a log shipper); readable lines in development.</summary>
    public static ILoggingBuilder AddMotCuaLogging(this ILoggingBuilder logging, IHostEnvironment env)
    {
        logging.ClearProviders();
        if (env.IsDevelopment())
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "O";
                o.UseUtcTimestamp = true;
            });
        }
        return logging;
    }
}
