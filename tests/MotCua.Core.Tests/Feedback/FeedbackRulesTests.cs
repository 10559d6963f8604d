using MotCua.Core.Feedback;

namespace MotCua.Core.Tests.Feedback;

public sealed class FeedbackRulesTests
{
    [Theory]
    [InlineData(FeedbackStatus.Received, FeedbackAction.ClassifyInScope, FeedbackStatus.Handling)]
    [InlineData(FeedbackStatus.Received, FeedbackAction.ClassifyOutOfScope, FeedbackStatus.AwaitingTransfer)]
    [InlineData(FeedbackStatus.Handling, FeedbackAction.ClassifyOutOfScope, FeedbackStatus.AwaitingTransfer)]
    [InlineData(FeedbackStatus.AwaitingTransfer, FeedbackAction.Transfer, FeedbackStatus.OutOfScope)]
    [InlineData(FeedbackStatus.Received, FeedbackAction.Transfer, FeedbackStatus.OutOfScope)]
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
    [InlineData(FeedbackStatus.AnswerDrafted, FeedbackAction.Transfer)]
    [InlineData(FeedbackStatus.Published, FeedbackAction.Transfer)]
    [InlineData(FeedbackStatus.OutOfScope, FeedbackAction.Transfer)]
    public void Refused_transitions(FeedbackStatus from, FeedbackAction action) => Assert.Null(FeedbackRules.Next(from, action));
}
