using MotCua.Core.Feedback;

namespace MotCua.Core.Tests.Feedback;

public sealed class FeedbackRulesTests
{
    [Theory]
    [InlineData(FeedbackStatus.Received, FeedbackAction.ClassifyInScope, FeedbackStatus.Handling)]
    [InlineData(FeedbackStatus.Received, FeedbackAction.ClassifyOutOfScope, FeedbackStatus.OutOfScope)]
    [InlineData(FeedbackStatus.Received, FeedbackAction.ClassifyDuplicate, FeedbackStatus.Duplicate)]
    [InlineData(FeedbackStatus.Handling, FeedbackAction.DraftAnswer, FeedbackStatus.AnswerDrafted)]
    [InlineData(FeedbackStatus.AnswerDrafted, FeedbackAction.DraftAnswer, FeedbackStatus.AnswerDrafted)]
    [InlineData(FeedbackStatus.AnswerDrafted, FeedbackAction.Approve, FeedbackStatus.Approved)]
    [InlineData(FeedbackStatus.Approved, FeedbackAction.Publish, FeedbackStatus.Published)]
    public void Allowed_transitions(FeedbackStatus from, FeedbackAction action, FeedbackStatus to) => Assert.Equal(to, FeedbackRules.Next(from, action));

    [Theory]
    [InlineData(FeedbackStatus.Received, FeedbackAction.Publish)]
    [InlineData(FeedbackStatus.Handling, FeedbackAction.Approve)]
    [InlineData(FeedbackStatus.Approved, FeedbackAction.DraftAnswer)]
    [InlineData(FeedbackStatus.Published, FeedbackAction.Publish)]
    [InlineData(FeedbackStatus.Duplicate, FeedbackAction.ClassifyInScope)]
    public void Refused_transitions(FeedbackStatus from, FeedbackAction action) => Assert.Null(FeedbackRules.Next(from, action));

    [Theory]
    [InlineData("Gọi 0905 123 456 nhé", "Gọi [đã ẩn] nhé")]
    [InlineData("hoặc +84905123456.", "hoặc [đã ẩn].")]
    [InlineData("thư a.b@so.gov.vn", "thư [đã ẩn]")]
    [InlineData("Điều 7 Nghị định 20/2008/NĐ-CP ngày 14/02/2008", "Điều 7 Nghị định 20/2008/NĐ-CP ngày 14/02/2008")]
    public void Redacts_phones_and_emails_but_not_legal_references(string text, string expected) =>
        Assert.Equal(expected, FeedbackRules.RedactPersonalData(text));
}
