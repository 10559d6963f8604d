namespace MotCua.Core.Legal;

public static partial class LegalSources
{
    /// <summary>Law on Tax Administration Art. 30: an organisation's tax code has 10 digits, a dependent unit's 13 (the parent's 10, a dash and 3).</summary>
    public static readonly LegalSource TaxAdministrationLaw2019TaxCode = new(
        "L38/2019-D30",
        "Điều 30 Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019",
        "Cấu trúc mã số thuế của tổ chức: 10 chữ số; đơn vị phụ thuộc, chi nhánh: 13 chữ số (10 chữ số của đơn vị chủ quản, dấu gạch ngang và 3 chữ số)",
        new DateOnly(2020, 7, 1),
        null,
        SourceCertainty.Practice);
}
