using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Results;

/// <summary>The result documents' table on the one context: the feature adds its set, so the context names no feature type.</summary>
public static class ResultsTables
{
    extension(AppDbContext db)
    {
        public DbSet<ResultDocument> ResultDocuments => db.Set<ResultDocument>();

        public DbSet<SignedForm> SignedForms => db.Set<SignedForm>();
    }
}
