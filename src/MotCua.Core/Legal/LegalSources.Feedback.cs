namespace MotCua.Core.Legal;

public static partial class LegalSources
{
    /// <summary>Decree 20/2008 Art. 9: a PAKN outside the receiving body's competence goes to the competent body within 05 working days of receipt.</summary>
    public static readonly LegalSource Decree20of2008Transfer = new(
        "ND20/2008-D9",
        "Điều 9 Nghị định số 20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ (được sửa đổi, bổ sung)",
        "Chuyển phản ánh, kiến nghị không thuộc thẩm quyền đến cơ quan có thẩm quyền trong 05 ngày làm việc kể từ ngày tiếp nhận",
        null,
        null,
        SourceCertainty.Practice);
}
