using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MotCua.Web.Data;

/// <summary>
/// A compiled query kept per EF model: EF binds a compiled query to the first model it runs against and refuses any
/// other, and one process can hold more than one (SQLite and PostgreSQL contexts side by side, as a restore or a move
/// between providers opens). Compiling once per model keeps the saving on the per-request path.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    /// <summary>The query compiled for <paramref name="db"/>'s model, compiled on its first use.</summary>
    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
