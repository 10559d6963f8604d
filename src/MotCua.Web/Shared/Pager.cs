namespace MotCua.Web.Shared;

/// <summary>What the shared pager partial (<c>_Pager.cshtml</c>) shows: this page of how many, and each page's address.</summary>
/// <param name="Label">The navigation's accessible name, e.g. "Trang của danh mục".</param>
/// <param name="TestId">The <c>data-testid</c> of the navigation.</param>
public sealed record Pager(int Page, int PageCount, Func<int, string> Link, string Label, string TestId);
