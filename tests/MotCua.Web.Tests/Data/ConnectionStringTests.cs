using MotCua.Web.Data;
using Npgsql;

namespace MotCua.Web.Tests.Data;

/// <summary>The PostgreSQL defaults the app adds to the operator's connection string, and that the operator's own values win.</summary>
public sealed class ConnectionStringTests
{
    [Fact]
    public void The_app_turns_on_statement_preparation_and_keeps_pooled_connections_unreset()
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Database=motcua;Username=app"));

        Assert.Equal(DatabaseSetup.AutoPreparedStatements, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("-c jit=off", built.Options);
        Assert.Equal("db", built.Host);
        Assert.Equal("motcua", built.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false;Options=-c jit=on")]
    [InlineData("Host=db;maxautoprepare=0;noresetonclose=false;Options='-c jit=on'")]
    public void The_operator_s_own_settings_are_kept(string configured)
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString(configured));

        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.False(built.NoResetOnClose);
        Assert.Equal("-c jit=on", built.Options);
    }
}
