component {
  function onMissingMethod(missingMethodName, missingMethodArguments) {
    return "called " & missingMethodName & " with " & structCount(missingMethodArguments) & " arguments";
  }
}
