//===--- SharedPerKey.h - One object per key, alive while it is held ------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The nbio checks of a translation unit share what they compute (the
// matched calls, the analysis, the #include record, the decisions): the
// first check to ask builds it, the others get the same object while any
// of them holds it. Keys name things that live as long as the checks of
// one TU (its MatchFinder, AST or preprocessor), so a live entry's key is
// live. clangd builds ASTs on several threads: hence the lock.
//
//===----------------------------------------------------------------------===//

#ifndef NBIO_CHECKS_SHAREDPERKEY_H
#define NBIO_CHECKS_SHAREDPERKEY_H

#include <map>
#include <memory>
#include <mutex>

namespace clang::tidy::nbio {

/// The object for \p K, made by \p Make when no holder of one is left.
/// Each call site has its own registry (\p Make's type is its own).
template <typename T, typename Key, typename MakeFn>
std::shared_ptr<T> sharedPerKey(const Key &K, MakeFn Make) {
  static std::mutex Lock;
  static std::map<Key, std::weak_ptr<T>> Live;
  std::lock_guard<std::mutex> Guard(Lock);
  for (auto It = Live.begin(); It != Live.end();)
    It = It->second.expired() ? Live.erase(It) : std::next(It);
  std::weak_ptr<T> &Slot = Live[K];
  if (std::shared_ptr<T> Existing = Slot.lock())
    return Existing;
  std::shared_ptr<T> Fresh = Make();
  Slot = Fresh;
  return Fresh;
}

} // namespace clang::tidy::nbio

#endif // NBIO_CHECKS_SHAREDPERKEY_H
