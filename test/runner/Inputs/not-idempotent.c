// Run with a fake clang-tidy whose fix is not idempotent.
int x;
// CHECK-FIXES: {{^}}int appended;{{$}}
