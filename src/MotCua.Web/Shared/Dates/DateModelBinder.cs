using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MotCua.Web.Shared.Dates;

/// <summary>
/// Binds DateOnly, DateTime, DateTimeOffset and TimeOnly (and their nullables) from forms and query strings with
/// <see cref="DateText"/>, so a day-first date means the same thing whatever the server's or the browser's culture.
/// Date-times are Vietnam wall time. An unreadable date is a Vietnamese model error naming the field.
/// </summary>
public sealed class DateModelBinder(Type type) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var text = result.FirstValue?.Trim();
        var label = bindingContext.ModelMetadata.DisplayName;
        var withTime = type != typeof(DateOnly);
        if (string.IsNullOrEmpty(text))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"{label ?? "Ngày"} chưa được nhập.");
            }
            return Task.CompletedTask;
        }
        object? value = type == typeof(TimeOnly) ? (DateText.TryParseTime(text, out var t) ? t : null)
            : type == typeof(DateOnly) ? (DateText.TryParseDate(text, out var d) ? d : null)
            : type == typeof(DateTime) ? (DateText.TryParseDateTime(text, out var dt) ? dt : null)
            : DateText.TryParseInstant(text, out var dto) ? dto : null;
        if (value is null)
        {
            var message = type == typeof(TimeOnly) ? DateText.InvalidTime(label, text) : DateText.Invalid(label, text, withTime);
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, message);
            RefusedDates.Add(bindingContext.HttpContext, new RefusedDate(bindingContext.ModelName, message));
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
        bindingContext.Result = ModelBindingResult.Success(value);
        return Task.CompletedTask;
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
            return type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) ? new DateModelBinder(type) : null;
        }
    }
}
