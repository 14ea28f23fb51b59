//===--- ObjectFdStores.cpp - What one object's fields are given ----------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ObjectFdStores.h"
#include "ProjectFacts.h"
#include "StmtSearch.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::nbio {

/// The arms of a conditional copy that copiedValues lists (`a ? b : c ?
/// d : e`): code picks between two descriptors, rarely three; an arm past
/// these is a read the summary does not account for (the object
/// escapes).
constexpr unsigned MaxCopiedArms = 8;

/// \p E without parentheses, implicit casts, and explicit casts that keep
/// the object's type (`(void *)p`, `(struct conn *)p` on a `struct conn
/// *`): a cast to another struct type reads the memory with another
/// layout, and the path would name fields that are not there.
static const Expr *withoutSameTypeCasts(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    const auto *C = dyn_cast<ExplicitCastExpr>(E);
    if (!C)
      return E;
    QualType To = C->getType(), From = C->getSubExpr()->getType();
    bool ToVoid = To->isPointerType() && To->getPointeeType()->isVoidType();
    if (!ToVoid && To.getCanonicalType().getUnqualifiedType() !=
                       From.getCanonicalType().getUnqualifiedType())
      return E;
    E = C->getSubExpr();
  }
}

std::optional<RootedPath> rootedPath(const Expr *E) {
  if (!E)
    return std::nullopt;
  E = withoutSameTypeCasts(E);
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_AddrOf)
    E = withoutSameTypeCasts(U->getSubExpr());
  llvm::SmallVector<const FieldDecl *, 3> Reversed;
  auto Done = [&](const Expr *Base) -> std::optional<RootedPath> {
    const auto *Ref = dyn_cast<DeclRefExpr>(withoutSameTypeCasts(Base));
    const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!VD)
      return std::nullopt;
    RootedPath P;
    P.Root = VD->getCanonicalDecl();
    P.Ref = Ref;
    P.Path.assign(Reversed.rbegin(), Reversed.rend());
    return P;
  };
  while (true) {
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      // A union's members overlay one another: not one field's path.
      if (!FD || FD->getParent()->isUnion())
        return std::nullopt;
      Reversed.push_back(FD);
      const Expr *Base = withoutSameTypeCasts(ME->getBase());
      if (ME->isArrow()) {
        // `(&root->a)->b` is `root->a.b` (the queue macros write so).
        if (const auto *U = dyn_cast<UnaryOperator>(Base);
            U && U->getOpcode() == UO_AddrOf) {
          E = withoutSameTypeCasts(U->getSubExpr());
          continue;
        }
        // `p->a` leaves the root pointer: the base must be the root
        // itself, not a pointer kept in a field (another object).
        return Done(Base);
      }
      if (const auto *U = dyn_cast<UnaryOperator>(Base);
          U && U->getOpcode() == UO_Deref)
        return Done(U->getSubExpr());
      E = Base;
      continue;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_Deref && Reversed.empty())
      return Done(U->getSubExpr());
    return Done(E);
  }
}

std::string pathText(llvm::ArrayRef<const FieldDecl *> Path) {
  std::string Out;
  for (const FieldDecl *F : Path) {
    if (!Out.empty())
      Out += '.';
    Out += F->getName().str();
  }
  return Out;
}

bool pathHasPrefix(llvm::StringRef Path, llvm::StringRef Prefix) {
  return Prefix.empty() ||
         (Path.starts_with(Prefix) &&
          (Path.size() == Prefix.size() || Path[Prefix.size()] == '.'));
}

// scripts/nbio-facts.py keeps the same list (CLEARS_OR_RELEASES).
bool clearsOrReleases(llvm::StringRef Callee) {
  return llvm::is_contained({"memset", "bzero", "explicit_bzero", "memset_s",
                             "free", "freezero", "cfree"},
                            Callee);
}

/// A fresh object for a pointer: a null pointer, or what the C library's
/// allocator returns (`malloc`, `calloc`; declared in a system header), or
/// a function declared with the `malloc` attribute (glib's `g_malloc0`):
/// memory no other pointer reaches. Not `realloc`, which keeps what the
/// old block held, nor a project's `conn_alloc(fd)`, which may fill it.
static bool freshObject(const Expr *V, ASTContext &Ctx) {
  V = V->IgnoreParenCasts();
  if (V->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return true;
  const auto *C = dyn_cast<CallExpr>(V);
  const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
  if (!F || !F->getIdentifier())
    return false;
  if (F->hasAttr<RestrictAttr>())
    return true;
  const SourceManager &SM = Ctx.getSourceManager();
  return SM.isInSystemHeader(SM.getExpansionLoc(F->getLocation())) &&
         llvm::is_contained({"malloc", "calloc", "aligned_alloc", "memalign",
                             "valloc", "pvalloc"},
                            F->getName());
}

/// A struct's initializer that gives it no descriptor: zeroes, `-1`s and
/// null pointers (`= {0}`, `= { .fd = -1 }`), nothing else.
static bool zeroLike(const Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (isa<ImplicitValueInitExpr>(E) ||
      E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return true;
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    return llvm::all_of(IL->inits(),
                        [&](const Expr *I) { return zeroLike(I, Ctx); });
  Expr::EvalResult R;
  if (E->getType()->isIntegerType() && !E->isValueDependent() &&
      E->EvaluateAsInt(R, Ctx)) {
    int64_t V = R.Val.getInt().getSExtValue();
    return V == 0 || V == -1;
  }
  return false;
}

/// The expression is the root variable itself (`p`, not `p->a`).
static bool isRoot(const Expr *E, const VarDecl *Root) {
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return Ref && Ref->getDecl()->getCanonicalDecl() == Root;
}

/// The values an initializer or an assignment's right side can copy:
/// itself, or each arm of a conditional (`maxfd = c->fd < s ? s :
/// c->fd`, the larger of two descriptors for select()), through nested
/// conditionals, assignments and commas, up to MaxCopiedArms of them.
static void copiedValues(const Expr *E,
                         llvm::SmallVectorImpl<const Expr *> &Out) {
  llvm::SmallVector<const Expr *, 4> Work{E};
  while (!Work.empty() && Out.size() < MaxCopiedArms) {
    const Expr *X = Work.pop_back_val()->IgnoreParenImpCasts();
    if (const auto *CO = dyn_cast<ConditionalOperator>(X)) {
      Work.push_back(CO->getFalseExpr());
      Work.push_back(CO->getTrueExpr());
      continue;
    }
    // `a = b = c->fd`, `(x, c->fd)`: the value of the assignment or of
    // the comma is its right side's.
    if (const auto *B = dyn_cast<BinaryOperator>(X);
        B && (B->getOpcode() == BO_Assign || B->getOpcode() == BO_Comma)) {
      Work.push_back(B->getRHS());
      continue;
    }
    Out.push_back(X);
  }
}

ObjectSummary summariseObject(
    const VarDecl *Root, llvm::ArrayRef<const Stmt *> Bodies,
    llvm::function_ref<int(const Expr *)> Value,
    llvm::function_ref<bool(const CallExpr *, unsigned)> KeepsMode,
    llvm::function_ref<bool(const Expr *, const VarDecl *)> CopyKeepsMode,
    bool ForFacts) {
  ObjectSummary S;
  // A part let out of sight.
  auto Escape = [&](llvm::ArrayRef<const FieldDecl *> Path) {
    S.Escapes.push_back(pathText(Path));
  };
  auto Store = [&](llvm::ArrayRef<const FieldDecl *> Path, int From) {
    S.Stores.push_back(
        {pathText(Path), From,
         ForFacts ? ProjectFacts::fieldKey(Path.back()) : std::string()});
  };
  ASTContext &Ctx = Root->getASTContext();
  const VarDecl *R = Root->getCanonicalDecl();
  bool Pointer = Root->getType()->isPointerType();
  llvm::DenseSet<const DeclRefExpr *> Seen;
  // `&root->a` handed to a call, or stored back into the object itself
  // (`q->last = &q->first`, the queue macros' list heads).
  llvm::DenseSet<const Expr *> HandedOn;
  // Integer fields of the object read where their value cannot reach a
  // mode change unseen: compared, computed with, a call's argument (asked
  // of KeepsMode), copied (asked of CopyKeepsMode), a condition.
  llvm::DenseSet<const Expr *> UsedAsValue;
  auto Mine = [&](const std::optional<RootedPath> &P) {
    return P && P->Root == R;
  };
  auto IntField = [&](const Expr *E) -> std::optional<RootedPath> {
    auto P = rootedPath(E);
    if (!Mine(P) || P->Path.empty() ||
        isa<UnaryOperator>(withoutSameTypeCasts(E)))
      return std::nullopt;
    QualType T = P->Path.back()->getType();
    return T->isIntegerType() ? P : std::nullopt;
  };
  auto UsedValue = [&](const Expr *E) {
    if (E && IntField(E))
      UsedAsValue.insert(withoutSameTypeCasts(E));
  };
  auto AssignedToRoot = [&](const Expr *V, bool Plain) {
    if (!Pointer || !Plain || !freshObject(V, Ctx))
      Escape({});
  };
  if (const Expr *Init = Root->getAnyInitializer()) {
    if (Pointer)
      AssignedToRoot(Init, true);
    else if (!zeroLike(Init, Ctx))
      Escape({});
  }
  // \p Value stored into \p Target or the variable \p Var initialised
  // with it: each of the object's integer fields it can copy (itself, a
  // conditional's arm) is a value read, and a copy the mode may be
  // changed through.
  auto CopiedInto = [&](const Expr *Value, const Expr *Target,
                        const VarDecl *Var) {
    llvm::SmallVector<const Expr *, 2> Copied;
    copiedValues(Value, Copied);
    for (const Expr *F : Copied) {
      if (!IntField(F))
        continue;
      UsedValue(F);
      if (!CopyKeepsMode(Target, Var))
        Escape({});
    }
  };
  auto Visit = [&](const Stmt *St) {
    if (const auto *DS = dyn_cast<DeclStmt>(St)) {
      // `int fd = root->fd;`: a copy the mode may be changed through.
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit())
          CopiedInto(V->getInit(), nullptr, V);
      return;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(St)) {
      if (B->isAssignmentOp()) {
        const Expr *L = withoutSameTypeCasts(B->getLHS());
        UsedAsValue.insert(L); // a store, judged below
        // `x = root->fd`: a copy (a store into the object itself, too).
        CopiedInto(B->getRHS(), B->getLHS(), nullptr);
        // `root->buf[i] = ...`: an element of an array field, never the
        // descriptor a path names (an array of structs is not followed).
        if (const auto *AS = dyn_cast<ArraySubscriptExpr>(L))
          if (auto P = rootedPath(AS->getBase()); Mine(P)) {
            Seen.insert(P->Ref);
            if (P->Path.empty() || AS->getType()->isRecordType())
              Escape(P->Path);
            return;
          }
        auto P = rootedPath(L);
        if (!Mine(P) || isa<UnaryOperator>(L))
          return;
        Seen.insert(P->Ref);
        bool Plain = B->getOpcode() == BO_Assign;
        if (P->Path.empty()) {
          AssignedToRoot(B->getRHS(), Plain);
          return;
        }
        QualType T = P->Path.back()->getType();
        if (T->isIntegerType()) {
          Store(P->Path, Plain ? Value(B->getRHS()) : VkOther);
        } else if (T->isRecordType() || T->isArrayType()) {
          Escape(P->Path);
        } else if (const auto *A = dyn_cast<UnaryOperator>(
                       withoutSameTypeCasts(B->getRHS()));
                   A && A->getOpcode() == UO_AddrOf &&
                   Mine(rootedPath(A->getSubExpr()))) {
          HandedOn.insert(A); // a pointer into the object, kept in it
        }
        return;
      }
      // Compared or computed with (`fd >= 0`, `FD_SET`'s `fd / NFDBITS`):
      // the value only.
      UsedValue(B->getLHS());
      UsedValue(B->getRHS());
      // `root == NULL`, `root && ...`: the pointer tested.
      if (B->isComparisonOp() || B->isLogicalOp())
        for (const Expr *Side : {B->getLHS(), B->getRHS()})
          if (isRoot(Side, R))
            Seen.insert(cast<DeclRefExpr>(Side->IgnoreParenImpCasts()));
      return;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(St)) {
      if (U->getOpcode() == UO_LNot && isRoot(U->getSubExpr(), R)) {
        Seen.insert(cast<DeclRefExpr>(U->getSubExpr()->IgnoreParenImpCasts()));
        return;
      }
      if (U->isArithmeticOp())
        UsedValue(U->getSubExpr());
      auto P = rootedPath(U->getSubExpr());
      if (!Mine(P))
        return;
      if (U->isIncrementDecrementOp()) {
        Seen.insert(P->Ref);
        UsedAsValue.insert(withoutSameTypeCasts(U->getSubExpr()));
        if (P->Path.empty() || !P->Path.back()->getType()->isIntegerType())
          Escape(P->Path);
        else
          Store(P->Path, VkOther);
      } else if (U->getOpcode() == UO_AddrOf && !HandedOn.contains(U)) {
        // The address of the object or of a part of it, kept or copied:
        // what is done through that pointer is out of sight.
        Seen.insert(P->Ref);
        Escape(P->Path);
      }
      return;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(St)) {
      UsedValue(AS->getIdx());
      return;
    }
    if (const auto *C = dyn_cast<CallExpr>(St)) {
      const FunctionDecl *Callee = C->getDirectCallee();
      for (unsigned I = 0; I < C->getNumArgs(); ++I) {
        const Expr *A = withoutSameTypeCasts(C->getArg(I));
        auto P = rootedPath(A);
        if (!Mine(P))
          continue;
        Seen.insert(P->Ref);
        bool Address = false;
        if (const auto *U = dyn_cast<UnaryOperator>(A);
            U && U->getOpcode() == UO_AddrOf) {
          HandedOn.insert(U);
          Address = true;
        }
        // An array field of data (`memmove(&ibuf->r.buf, ...)`,
        // `recv(fd, c->buf, ...)`): the call writes bytes there, not a
        // descriptor into another field.
        if (!P->Path.empty()) {
          QualType FT = P->Path.back()->getType();
          if (const auto *AT = FT->getAsArrayTypeUnsafe();
              AT && !AT->getElementType()->isRecordType() &&
              !AT->getElementType()->isPointerType())
            continue;
        }
        QualType T = A->getType();
        std::string Path = pathText(P->Path);
        if (T->isPointerType() && T->getPointeeType()->isRecordType() &&
            (Address || P->Path.empty())) {
          const SourceManager &SM = Ctx.getSourceManager();
          bool System =
              Callee &&
              SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation()));
          if (!Callee || !Callee->getIdentifier() ||
              I >= Callee->getNumParams() ||
              (System && !clearsOrReleases(Callee->getName()))) {
            Escape(P->Path); // a call through a pointer, `memcpy` into it
            continue;
          }
          ObjectSummary::Handoff H;
          H.Path = Path;
          H.Callee = Callee->getQualifiedNameAsString();
          H.Arg = I;
          for (const Expr *Arg : C->arguments())
            H.Args.push_back(Value(Arg));
          if (const FunctionDecl *D = Callee->getDefinition();
              D && D->getBody())
            H.Def = D;
          H.System = System;
          S.Handoffs.push_back(std::move(H));
        } else if (!Address && !P->Path.empty() && T->isIntegerType()) {
          UsedAsValue.insert(A);
          // A field's descriptor handed to a call that may change its mode:
          // the same descriptor may sit in another field of the object
          // too (imsg's `fd` and `w.fd`), so nothing of it is known.
          if (!KeepsMode(C, I))
            Escape({});
        } else if (Address || P->Path.empty()) {
          Escape(P->Path); // `&root->fd`, the root as anything else
        }
      }
      return;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(St)) {
      auto P = rootedPath(ME);
      if (!Mine(P))
        return;
      Seen.insert(P->Ref); // a read
      // An integer field's value in any other place (returned, a
      // conditional's arm, an initializer list): it may reach a mode
      // change unseen.
      if (!P->Path.empty() && P->Path.back()->getType()->isIntegerType() &&
          !UsedAsValue.contains(ME))
        Escape({});
      // A read of an inner member (`root->a.b`) accounts for the outer one.
      for (const Expr *B = withoutSameTypeCasts(ME->getBase());;) {
        const auto *Inner = dyn_cast<MemberExpr>(B);
        if (const auto *U = dyn_cast<UnaryOperator>(B);
            U && (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref)) {
          HandedOn.insert(U);
          B = withoutSameTypeCasts(U->getSubExpr());
          continue;
        }
        if (!Inner)
          break;
        UsedAsValue.insert(Inner);
        B = withoutSameTypeCasts(Inner->getBase());
      }
      return;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(St);
        Ref && Ref->getDecl()->getCanonicalDecl() == R && !Seen.contains(Ref))
      Escape({}); // copied, returned, stored...
    // A condition: the pointer (`if (root)`) or a field's value.
    const Expr *Cond = conditionOf(St);
    if (const auto *SW = dyn_cast<SwitchStmt>(St))
      Cond = SW->getCond();
    if (isRoot(Cond, R))
      Seen.insert(cast<DeclRefExpr>(Cond->IgnoreParenImpCasts()));
    UsedValue(Cond);
  };
  // Parents before children (the handlers above mark the references they
  // account for); `sizeof(*root)` reads nothing.
  for (const Stmt *Body : Bodies) {
    llvm::SmallVector<const Stmt *, 32> Work{Body};
    while (!Work.empty()) {
      const Stmt *St = Work.pop_back_val();
      if (!St || isa<UnaryExprOrTypeTraitExpr>(St))
        continue;
      Visit(St);
      for (const Stmt *Child : St->children())
        Work.push_back(Child);
    }
  }
  llvm::sort(S.Escapes);
  S.Escapes.erase(std::unique(S.Escapes.begin(), S.Escapes.end()),
                  S.Escapes.end());
  return S;
}

} // namespace clang::tidy::nbio
