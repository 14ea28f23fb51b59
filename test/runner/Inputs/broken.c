// Does not compile: clang-tidy reports the error and the runner fails.
int f(void) { return ; }
