using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;
using MotCua.Core.Procedures;
using MotCua.Core.Reports;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalogue;
using MotCua.Web.Features.Demo;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Integrations;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Reports;
using Npgsql;

namespace MotCua.Load;

/// <summary>
/// Provincial-scale data: N dossiers of the demo agency with the seeded catalogue's procedures, Vietnamese applicants
/// (Bogus, locale vi), channels, receipt instants over the past year of working days, processing durations, pauses and
/// lateness, two papers each. PostgreSQL through binary COPY, SQLite through prepared inserts in large transactions.
/// <para>
/// THE column mapping is <see cref="Columns"/>: it reads the EF model (column names, value converters, store types),
/// so a column added to <see cref="Dossier"/> is copied with no change here; when it needs a realistic value rather
/// than its default, add ONE line in <see cref="Fill"/>. Each dossier's <see cref="ReportDossier"/> row is the one the
/// app's report subscriber would write (<see cref="DossierProjection.RowOf"/>).
/// </para>
/// </summary>
public static class DataGenerator
{
    private sealed record Proc(int VersionId, int ProcedureId, string Code, string Name, decimal Days, TimeUnit Unit, int FieldId, string FieldName, OnlineServiceLevel OnlineLevel);

    public static async Task<int> RunAsync(Options o)
    {
        var provider = o.Required("provider");
        var cs = o.Required("connection");
        var count = o.Number("count", 100_000);
        // Receipts spread over this many years before today: a department's history, not one implausibly dense year.
        var years = o.Number("years", 4);
        // Or every receipt inside one month's report period (--month 2026-11): a month as dense as a big province's.
        var month = o.Get("month") is { } m ? MonthPeriod(m) : null;
        // --portal: each dossier's status push to the national portal as the outbox leaves it (the reconciliation reads them).
        var portal = o.Flag("portal");
        var span = month is null ? $"over the past {years} years" : $"in {month.Label} ({month.Start:dd/MM/yyyy}–{month.End:dd/MM/yyyy})";
        await using var db = Context(provider, cs);
        var agency = await db.Agencies.OrderBy(a => a.Id).FirstAsync();
        var units = await db.Units.Where(u => u.AgencyId == agency.Id).ToDictionaryAsync(u => u.Name, u => u.Id);
        var fields = await db.CatalogueFields.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name);
        var procs = (await db.ProcedureVersions.AsNoTracking().Include(v => v.Procedure)
                .Where(v => v.State == VersionState.Published && v.Procedure!.AgencyId == agency.Id).ToListAsync())
            .Select(v => new Proc(v.Id, v.ProcedureId, v.Procedure!.Code, v.Name, v.ProcessingTimeValue ?? 15, v.ProcessingTimeUnit ?? TimeUnit.WorkingDays,
                v.FieldId, fields.GetValueOrDefault(v.FieldId, ""), v.OnlineLevel))
            .Where(p => p.Unit != TimeUnit.WorkingHours).ToArray();
        if (procs.Length == 0)
        {
            throw new InvalidOperationException("No published procedure in the catalogue: start the app once with MotCua:SeedDemoData=true.");
        }
        var firstId = (await db.Dossiers.MaxAsync(d => (long?)d.Id) ?? 0) + 1;
        var firstPaperId = (await db.DossierPapers.MaxAsync(p => (long?)p.Id) ?? 0) + 1;
        var dossierColumns = Columns(db.Model.FindEntityType(typeof(Dossier))!);
        var paperColumns = Columns(db.Model.FindEntityType(typeof(DossierPaper))!);
        var reportColumns = Columns(db.Model.FindEntityType(typeof(ReportDossier))!);
        var generator = new Generator(agency.Id, agency.Code, procs,
            [(units["Chi cục Tiêu chuẩn Đo lường Chất lượng"], "Chi cục Tiêu chuẩn Đo lường Chất lượng"), (units["Phòng Quản lý Khoa học và Công nghệ"], "Phòng Quản lý Khoa học và Công nghệ")],
            TimeProvider.System.GetUtcNow(), count, years, seed: 20250310)
        { Month = month, Portal = portal };

        var clock = Stopwatch.StartNew();
        if (provider == "postgres")
        {
            await CopyPostgresAsync(cs, generator, count, firstId, firstPaperId, dossierColumns, paperColumns, reportColumns,
                Columns(db.Model.FindEntityType(typeof(OutboxMessage))!));
        }
        else
        {
            await InsertSqliteAsync(cs, generator, count, firstId, firstPaperId, dossierColumns, paperColumns, reportColumns);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Data generator: {count:N0} dossiers received {span} + {2 * count:N0} papers ({procs.Length} procedures, {dossierColumns.Count} dossier columns) loaded in {seconds:F1} s = {count / seconds:N0} dossiers/s ({(provider == "postgres" ? "binary COPY" : "prepared INSERTs, 50,000 per transaction")})."));
        // The bulk load bypassed the dossier save, which keeps the report roll-up: rebuild it as an upgrade would.
        clock.Restart();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var read = await ReportRollup.RebuildAsync(db, CancellationToken.None);
        var rows = await db.ReportDayCounts.CountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Report roll-up rebuilt from {read:N0} dossiers in {clock.Elapsed.TotalSeconds:F1} s: {rows:N0} rows (agency, unit, field, procedure, day)."));
        return 0;
    }

    /// <summary>The report period of a month given as yyyy-MM, as the reconciliation page would take it.</summary>
    public static ReportPeriod MonthPeriod(string yearMonth)
    {
        var parts = yearMonth.Split('-');
        return ReportPeriod.Month(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public static AppDbContext Context(string provider, string cs) => provider == "postgres"
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(DatabaseSetup.PostgresConnectionString(cs)).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(cs).Options);

    /// <summary>One column: its name, its PostgreSQL type name and how to read its provider value from an entity.</summary>
    public sealed record Column(string Name, string StoreType, Func<object, object?> Value);

    /// <summary>Every mapped column of <paramref name="entity"/>, values converted as EF would (enums as text, instants as UTC ticks).</summary>
    public static List<Column> Columns(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return entity.GetProperties().Select(p =>
        {
            var getter = p.GetGetter();
            var converter = p.GetTypeMapping().Converter;
            var storeType = p.GetColumnType(table);
            var paren = storeType.IndexOf('(', StringComparison.Ordinal);
            return new Column(p.GetColumnName(table)!, paren > 0 ? storeType[..paren].Trim() : storeType,
                e => getter.GetClrValue(e) is { } v ? converter is null ? v : converter.ConvertToProvider(v) : null);
        }).ToList();
    }

    private static async Task CopyPostgresAsync(string cs, Generator g, int count, long firstId, long firstPaperId, List<Column> dc, List<Column> pc, List<Column> rc, List<Column> oc)
    {
        // No command timeout: completing a COPY of 10M rows waits on the server's index maintenance for minutes (the
        // default 30 s aborted the first 10M load).
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { CommandTimeout = 0 }.ConnectionString);
        await conn.OpenAsync();
        var papers = new List<DossierPaper>(2 * count);
        var reports = new List<ReportDossier>(count);
        // The pushes (about 1 KB each) stream through a second connection's COPY beside the dossiers' instead of waiting in memory.
        await using var outboxConn = g.Portal ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { CommandTimeout = 0 }.ConnectionString) : null;
        NpgsqlBinaryImporter? outbox = null;
        if (outboxConn is not null)
        {
            await outboxConn.OpenAsync();
            outbox = await outboxConn.BeginBinaryImportAsync($"COPY \"OutboxMessages\" ({string.Join(", ", oc.Select(c => "\"" + c.Name + "\""))}) FROM STDIN (FORMAT BINARY)");
        }
        await using (var w = await conn.BeginBinaryImportAsync($"COPY \"Dossiers\" ({string.Join(", ", dc.Select(c => "\"" + c.Name + "\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var (d, ps, r) = g.Next(firstId + i);
                await w.StartRowAsync();
                foreach (var c in dc)
                {
                    await WriteAsync(w, c.Value(d), c.StoreType);
                }
                papers.AddRange(ps);
                reports.Add(r);
                if (outbox is not null)
                {
                    foreach (var m in g.PortalPushes(d))
                    {
                        await outbox.StartRowAsync();
                        foreach (var c in oc)
                        {
                            await WriteAsync(outbox, c.Value(m), c.StoreType);
                        }
                    }
                }
            }
            await w.CompleteAsync();
        }
        if (outbox is not null)
        {
            await outbox.CompleteAsync();
            await outbox.DisposeAsync();
        }
        await using (var w = await conn.BeginBinaryImportAsync($"COPY \"DossierPapers\" ({string.Join(", ", pc.Select(c => "\"" + c.Name + "\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            var id = firstPaperId;
            foreach (var p in papers)
            {
                p.Id = id++;
                await w.StartRowAsync();
                foreach (var c in pc)
                {
                    await WriteAsync(w, c.Value(p), c.StoreType);
                }
            }
            await w.CompleteAsync();
        }
        await using (var w = await conn.BeginBinaryImportAsync($"COPY \"ReportDossiers\" ({string.Join(", ", rc.Select(c => "\"" + c.Name + "\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in reports)
            {
                await w.StartRowAsync();
                foreach (var c in rc)
                {
                    await WriteAsync(w, c.Value(r), c.StoreType);
                }
            }
            await w.CompleteAsync();
        }
        // Explicit ids went in: move the identity sequences past them.
        foreach (var t in new[] { "Dossiers", "DossierPapers" })
        {
            await using var cmd = new NpgsqlCommand($"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'Id'), (SELECT max(\"Id\") FROM \"{t}\"))", conn);
            await cmd.ExecuteScalarAsync();
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter w, object? value, string storeType) =>
        value is null ? w.WriteNullAsync() : w.WriteAsync(value, storeType);

    private static async Task InsertSqliteAsync(string cs, Generator g, int count, long firstId, long firstPaperId, List<Column> dc, List<Column> pc, List<Column> rc)
    {
        await using var conn = new SqliteConnection(cs);
        await conn.OpenAsync();
        await using (var pragma = conn.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout=60000;";
            await pragma.ExecuteNonQueryAsync();
        }
        SqliteCommand Prepare(string table, List<Column> cols)
        {
            var cmd = conn.CreateCommand();
            cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", cols.Select(c => "\"" + c.Name + "\""))}) VALUES ({string.Join(", ", cols.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
            for (var i = 0; i < cols.Count; i++)
            {
                cmd.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
            }
            return cmd;
        }
        var paperId = firstPaperId;
        for (var start = 0; start < count; start += 50_000)
        {
            await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();
            await using var ins = Prepare("Dossiers", dc);
            await using var insPaper = Prepare("DossierPapers", pc);
            await using var insReport = Prepare("ReportDossiers", rc);
            ins.Transaction = tx;
            insPaper.Transaction = tx;
            insReport.Transaction = tx;
            for (var i = start; i < Math.Min(count, start + 50_000); i++)
            {
                var (d, ps, r) = g.Next(firstId + i);
                Bind(ins, dc, d);
                await ins.ExecuteNonQueryAsync();
                Bind(insReport, rc, r);
                await insReport.ExecuteNonQueryAsync();
                foreach (var p in ps)
                {
                    p.Id = paperId++;
                    Bind(insPaper, pc, p);
                    await insPaper.ExecuteNonQueryAsync();
                }
            }
            await tx.CommitAsync();
        }
    }

    private static void Bind(SqliteCommand cmd, List<Column> cols, object entity)
    {
        for (var i = 0; i < cols.Count; i++)
        {
            cmd.Parameters[i].Value = cols[i].Value(entity) switch
            {
                null => DBNull.Value,
                decimal m => m.ToString(CultureInfo.InvariantCulture), // decimal is TEXT on SQLite
                DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                var v => v,
            };
        }
    }

    /// <summary>Deterministic (seeded) dossier factory.</summary>
    private sealed class Generator(int agencyId, string agencyCode, Proc[] procs, (int Id, string Name)[] units, DateTimeOffset now, int count, int years, int seed)
    {
        private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
        private readonly Random random = new(seed);
        private readonly Bogus.Faker faker = new("vi") { Random = new Bogus.Randomizer(seed) };
        private readonly Dictionary<DateOnly, int> perDay = [];
        private readonly DateOnly today = DateOnly.FromDateTime(now.ToOffset(Vn).DateTime);
        private long firstId = -1;
        private DateOnly[]? days;

        public ReportPeriod? Month { get; init; }

        public bool Portal { get; init; }

        /// <summary>
        /// The dossier's status pushes to the national portal as the outbox leaves them: the receipt's, acknowledged a few
        /// minutes later, and the current status's when it has moved on. For about 1 in 50 the last push is still waiting
        /// (the portal holds an earlier status) and about 1 in 200 never got through (the mismatches the reconciliation
        /// must explain).
        /// </summary>
        public IEnumerable<OutboxMessage> PortalPushes(Dossier d) => pushes is { } p && p.Dossier == d ? p.Messages : Pushes(d);

        private (Dossier Dossier, List<OutboxMessage> Messages)? pushes;

        private IEnumerable<OutboxMessage> Pushes(Dossier d)
        {
            if (!Portal || NationalStatus.From(d.Status) is not { } status)
            {
                yield break;
            }
            var roll = random.NextDouble();
            var never = roll < 0.005;
            var waiting = !never && roll < 0.025;
            var received = d.ReceivedAt!.Value;
            yield return Push(d, NationalStatus.Accepted.Code, received.AddMinutes(random.Next(1, 30)), acknowledged: !never, returned: false);
            if (status.Code != NationalStatus.Accepted.Code && !never)
            {
                yield return Push(d, status.Code, (d.ClosedAt ?? received.AddDays(1)).AddMinutes(random.Next(1, 30)), acknowledged: !waiting, returned: true);
            }
        }

        private OutboxMessage Push(Dossier d, int code, DateTimeOffset at, bool acknowledged, bool returned) => new()
        {
            AgencyId = agencyId,
            Kind = "dossier.status",
            Channel = OutboxChannel.NationalPortal,
            Recipient = "https://dichvucong.gov.vn/lienthong/",
            DossierCode = d.Code,
            NationalStatusCode = code,
            Body = NationalSync.BuildPayload(new NationalDossierSnapshot
            {
                MaHoSo = d.Code, MaTTHC = d.ProcedureCode, TenTTHC = d.ProcedureName, ChuHoSo = d.ApplicantName,
                LoaiDoiTuong = d.ApplicantKind == ApplicantKind.Organisation ? 2 : 1, NgayTiepNhan = d.ReceivedAt, NgayHenTra = d.AppointmentAt,
                TrangThaiHoSo = code, NgayTra = returned ? d.ReturnedAt : null,
            }, returned ? DossierEventKind.Returned : DossierEventKind.Received),
            Status = acknowledged ? OutboxStatus.Delivered : OutboxStatus.Pending,
            Attempts = acknowledged ? 1 : 3,
            CreatedAt = at,
            NextAttemptAt = at,
            LastAttemptAt = at,
            LastError = acknowledged ? null : "503 Hệ thống đang bảo trì.",
            DeliveredAt = acknowledged ? at : null,
            AcknowledgedAt = acknowledged ? at : null,
        };

        private DateOnly[] workingDays => days ??= (Month is { } m
                ? Enumerable.Range(0, m.End.DayNumber - m.Start.DayNumber + 1).Select(m.Start.AddDays)
                : Enumerable.Range(1, 365 * years).Select(i => today.AddDays((-365 * years) - 1 + i)))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToArray();

        public (Dossier Dossier, List<DossierPaper> Papers, ReportDossier Report) Next(long id)
        {
            if (firstId < 0)
            {
                firstId = id;
            }
            // The working days of the past year in order (never today: the app numbers today's receipts), office hours:
            // rows go in as a live system writes them, in receipt order, so the table's physical order follows time.
            var day = workingDays[(int)Math.Min(workingDays.Length - 1, (id - firstId) * workingDays.Length / Math.Max(1, count))];
            var received = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 30)), Vn).AddMinutes(random.Next(0, 9 * 60));
            var seq = perDay[day] = perDay.GetValueOrDefault(day) + 1;
            var proc = procs[(int)Math.Min(procs.Length - 1, Math.Floor(Math.Pow(random.NextDouble(), 2) * procs.Length))]; // a few procedures dominate
            var d = new Dossier
            {
                Id = id,
                AgencyId = agencyId,
                Code = DossierCode.Default.Build(agencyCode, day, seq),
                ApplicantName = "",
                ProcedureCode = proc.Code,
                ProcedureName = proc.Name,
            };
            Fill(d, proc, received);
            var report = Project(d, proc, received);
            var papers = new List<DossierPaper>
            {
                new() { DossierId = id, Seq = 1, Name = "Đơn đề nghị theo mẫu", Present = true, Form = PaperCopyKind.Original, Quantity = 1 },
                new() { DossierId = id, Seq = 2, Name = "Bản sao giấy tờ pháp lý", Present = random.NextDouble() > 0.05, Form = PaperCopyKind.CertifiedCopy, Quantity = 1 },
            };
            return (d, papers, report);
        }

        /// <summary>Realistic values, one line per column that needs one (add new report columns here).</summary>
        private void Fill(Dossier d, Proc proc, DateTimeOffset received)
        {
            var organisation = random.NextDouble() < DossierHistoryRules.OrganisationShare;
            d.Channel = DossierHistoryRules.Channel(random.NextDouble());
            d.ApplicantKind = organisation ? ApplicantKind.Organisation : ApplicantKind.Individual;
            d.ApplicantName = organisation ? faker.Company.CompanyName() : faker.Name.FullName();
            // As the dossier's save writes it: without it the app's start-up backfills every generated row, one by one,
            // through the measured minutes, and the queue's name search finds nothing.
            d.SearchText = DossierSearchText.Fold(d.ApplicantName, d.ProcedureName);
            d.ApplicantIdNumber = "0" + random.NextInt64(10_000_000_000, 99_999_999_999).ToString(CultureInfo.InvariantCulture);
            d.ApplicantPhone = "09" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
            d.ApplicantAddress = faker.Address.StreetAddress() + ", tỉnh Phú Yên";
            d.ProcedureVersionId = proc.VersionId;
            d.ProcessingTimeValue = proc.Days;
            d.ProcessingTimeUnit = proc.Unit;
            d.ProcessingTimeVerified = true;
            d.SupplementPolicy = SupplementClockPolicy.Restart;
            d.Regime = LegalRegime.At(received).Id;
            d.SubmittedAt = d.Channel == DossierChannel.Online ? received.AddMinutes(-random.Next(10, 3000)) : received;
            d.CreatedAt = d.SubmittedAt;
            d.ReceivedAt = received;
            d.ClockStartedAt = received;
            var due = AddWorkingDays(received, proc.Unit == TimeUnit.CalendarDays ? (int)Math.Ceiling(proc.Days * 5 / 7) : (int)Math.Ceiling(proc.Days));
            d.AppointmentAt = due;
            d.DueAt = due;
            d.FeeAmount = random.NextDouble() < DossierHistoryRules.FeeShare ? random.Next(1, 40) * 50_000 : 0;
            d.PaymentStatus = d.FeeAmount > 0 ? PaymentStatus.PaidAtDesk : PaymentStatus.Unpaid;
            d.ComponentsDigitised = random.NextDouble() < 0.7;
            d.Version = 1;
            // Pauses: some had a supplement request of 1–10 days, which moves the legal due instant.
            var pauses = new List<object>();
            if (random.NextDouble() < DossierHistoryRules.SupplementShare)
            {
                var from = received.AddDays(random.Next(1, 5));
                var to = from.AddDays(random.Next(1, 11));
                pauses.Add(new { From = from, To = (DateTimeOffset?)to, Reason = PauseReason.AwaitingSupplement });
                d.DueAt = due + (to - from);
                d.SupplementRequested = true;
            }
            d.PausesJson = JsonSerializer.Serialize(pauses, Json);
            var age = now - received;
            if (age < DossierHistoryRules.StillOpen || random.NextDouble() < 0.02)
            {
                // Still with the units: some unassigned, most in processing, a few waiting for the leader or a supplement.
                var r = random.NextDouble();
                d.Status = r switch { < 0.15 => DossierStatus.Received, < 0.80 => DossierStatus.InProcessing, < 0.92 => DossierStatus.AwaitingApproval, _ => DossierStatus.AwaitingSupplement };
                d.CurrentUnitId = d.Status == DossierStatus.Received ? null : units[random.Next(units.Length)].Id;
                d.Assignee = d.Status == DossierStatus.InProcessing && random.NextDouble() < 0.5 ? "chuyenvien" : null;
                d.StepStartedAt = d.CurrentUnitId is null ? null : received.AddHours(2);
                if (d.Status == DossierStatus.AwaitingSupplement)
                {
                    d.OpenPauseFrom = received.AddDays(1);
                    d.OpenPauseReason = PauseReason.AwaitingSupplement;
                    d.ResumeStatus = DossierStatus.InProcessing;
                }
                return;
            }
            var outcome = random.NextDouble();
            if (outcome < DossierHistoryRules.RefusedShare)
            {
                d.Status = DossierStatus.RefusedAfterReceipt;
                d.ClosedAt = received.AddDays(random.Next(1, 10));
                return;
            }
            // Resolved: early or on time, or late by 1–10 days.
            var spent = d.DueAt!.Value - received;
            var completed = random.NextDouble() < DossierHistoryRules.OnTimeShare
                ? received + TimeSpan.FromTicks((long)(spent.Ticks * DossierHistoryRules.ShareOfAllowedTime(random.NextDouble())))
                : d.DueAt.Value.AddDays(random.Next(1, 11));
            d.Status = DossierStatus.Returned;
            d.CompletedAt = completed;
            d.ReturnedAt = completed.AddHours(random.Next(1, 72));
            d.ClosedAt = d.ReturnedAt;
            d.ReturnMethod = d.Channel == DossierChannel.Online ? ResultDelivery.Online : ResultDelivery.AtDesk;
            d.ResultDigitised = random.NextDouble() < 0.6;
            d.CurrentUnitId = units[random.Next(units.Length)].Id;
            d.Version = 6;
        }

        /// <summary>The dossier's report row as the app's subscriber writes it, and what the 766 index reads.</summary>
        private ReportDossier Project(Dossier d, Proc proc, DateTimeOffset received)
        {
            if (d.FeeAmount > 0 && d.Channel == DossierChannel.Online && random.NextDouble() < DossierHistoryRules.PaidOnlineShare)
            {
                d.PaymentStatus = PaymentStatus.PaidOnline;
            }
            var unit = units.FirstOrDefault(u => u.Id == d.CurrentUnitId);
            var row = DossierProjection.RowOf(d, new DossierProjection.Pins(proc.ProcedureId, proc.FieldId, proc.FieldName, proc.OnlineLevel),
                d.CurrentUnitId is null ? null : unit.Id, d.CurrentUnitId is null ? null : unit.Name);
            if (Portal)
            {
                // What the outbox leaves on the row: the first acknowledgement and the code of the latest.
                var messages = Pushes(d).ToList();
                pushes = (d, messages);
                var acknowledged = messages.Where(m => m.AcknowledgedAt is not null).OrderBy(m => m.AcknowledgedAt).ThenBy(m => m.CreatedAt).ToList();
                row.SyncedAt = acknowledged.Count == 0 ? null : acknowledged[0].AcknowledgedAt!.Value.UtcTicks;
                row.PortalCode = acknowledged.Count == 0 ? null : acknowledged[^1].NationalStatusCode;
                return row;
            }
            // Most acknowledged by the national portal within minutes of receipt.
            row.SyncedAt = random.NextDouble() < DossierHistoryRules.AcknowledgedShare ? received.AddMinutes(random.Next(1, 120)).UtcTicks : null;
            return row;
        }

        private static DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
        {
            var t = start;
            while (days > 0)
            {
                t = t.AddDays(1);
                if (t.ToOffset(Vn).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    days--;
                }
            }
            return t;
        }
    }
}
