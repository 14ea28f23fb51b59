//===--- EventHandlers.cpp - The TU's handlers registered with an event loop
//===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "EventHandlers.h"
#include "IoCalls.h"
#include "NonBlockingFdAnalysis.h"
#include "StmtSearch.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::nbio {

const Decl *fdIdentity(const Expr *E, bool ThroughPointers) {
  while (E) {
    E = ThroughPointers ? E->IgnoreParenCasts() : E->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        ThroughPointers && U &&
        (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf)) {
      E = U->getSubExpr();
      continue;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl()->getCanonicalDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return ME->getMemberDecl()->getCanonicalDecl();
    return nullptr;
  }
  return nullptr;
}

/// Each name that \p Src (an assigned value) gives: both arms of a `?:`,
/// and each target of a chained assignment (`df->fd = socket(...)`).
static void namesOfValue(const Expr *Src,
                         llvm::SmallVectorImpl<const Decl *> &Ids) {
  llvm::SmallVector<const Expr *, 2> Work{Src};
  while (!Work.empty()) {
    const Expr *E = Work.pop_back_val()->IgnoreParenCasts();
    if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
      Work.push_back(CO->getTrueExpr());
      Work.push_back(CO->getFalseExpr());
    } else if (const auto *B = dyn_cast<BinaryOperator>(E);
               B && B->getOpcode() == BO_Assign) {
      Work.push_back(B->getLHS());
    } else if (const Decl *D = fdIdentity(E);
               D && !llvm::is_contained(Ids, D)) {
      Ids.push_back(D);
    }
  }
}

llvm::SmallVector<const Decl *, 4> namesOfFd(const Expr *Fd,
                                             const FunctionDecl *Fn) {
  llvm::SmallVector<const Decl *, 4> Ids;
  const Decl *Id = fdIdentity(Fd);
  if (!Id)
    return Ids;
  Ids.push_back(Id);
  const auto *V = dyn_cast<VarDecl>(Id);
  if (!V || !V->isLocalVarDecl())
    return Ids;
  if (V->getInit())
    namesOfValue(V->getInit(), Ids);
  findStmt(Fn->getBody(), [&](const Stmt *S) {
    if (const auto *B = dyn_cast<BinaryOperator>(S);
        B && B->getOpcode() == BO_Assign && fdIdentity(B->getLHS()) == V)
      namesOfValue(B->getRHS(), Ids);
    return false;
  });
  return Ids;
}

/// The event loops' names for "readable" and "writable", in the calls that
/// register a handler: libevent and libev, libuv, epoll and poll, glib,
/// redis's ae, bitlbee's events, and wayland's (`wl_event_loop_add_fd(loop,
/// fd, WL_EVENT_READABLE, func, data)`).
static const llvm::StringRef ReadableFlags[] = {
    "EV_READ", "UV_READABLE", "EPOLLIN",      "POLLIN",
    "G_IO_IN", "AE_READABLE", "B_EV_IO_READ", "WL_EVENT_READABLE"};
static const llvm::StringRef WritableFlags[] = {
    "EV_WRITE", "UV_WRITABLE", "EPOLLOUT",      "POLLOUT",
    "G_IO_OUT", "AE_WRITABLE", "B_EV_IO_WRITE", "WL_EVENT_WRITABLE"};

/// Event loops whose registration calls name no flag: the function says
/// the direction. dhcpcd's eloop (`eloop_event_add(eloop, fd, cb, arg)`
/// for reading, `eloop_event_add_w` for writing) and the hostapd /
/// wpa_supplicant eloop (`eloop_register_read_sock(sock, cb, data, user)`).
static const std::pair<llvm::StringRef, unsigned> FlaglessRegistrations[] = {
    {"eloop_event_add", EventHandlers::Readable},
    {"eloop_event_add_w", EventHandlers::Writable},
    {"eloop_register_read_sock", EventHandlers::Readable},
};

static unsigned directionsOfRegistration(const CallExpr *C) {
  llvm::StringRef Name = globalCalleeName(C);
  for (const auto &[N, Mask] : FlaglessRegistrations)
    if (Name == N)
      return Mask;
  return 0;
}

/// The prototype of what \p C calls: a function, or a pointer to one
/// (a table's field).
static const FunctionProtoType *calleePrototype(const CallExpr *C) {
  QualType T = C->getCallee()->getType();
  if (const auto *P = T->getAs<PointerType>())
    T = P->getPointeeType();
  return T->getAs<FunctionProtoType>();
}

/// weechat's hook_fd prototype: `struct t_hook *(struct t_weechat_plugin *,
/// int fd, int flag_read, int flag_write, int flag_exception, int
/// (*callback)(const void *, void *, int), const void *, void *)`. A
/// function of another library that only shares the name and the number
/// of arguments (a priority where the read flag is) is none.
static bool hasHookFdPrototype(const FunctionProtoType &P) {
  if (P.getNumParams() != 8 || !P.getParamType(0)->isPointerType())
    return false;
  for (unsigned I = 1; I <= 4; ++I)
    if (!P.getParamType(I)->isIntegerType())
      return false;
  const auto *CbPtr = P.getParamType(5)->getAs<PointerType>();
  const auto *Cb =
      CbPtr ? CbPtr->getPointeeType()->getAs<FunctionProtoType>() : nullptr;
  return Cb && Cb->getNumParams() == 3 &&
         Cb->getParamType(2)->isIntegerType() &&
         P.getParamType(6)->isPointerType() &&
         P.getParamType(7)->isVoidPointerType();
}

/// Event loops whose registration calls turn each direction on or off by
/// an argument of its own: weechat's `hook_fd(plugin, fd, flag_read,
/// flag_write, flag_exception, callback, pointer, data)`, which a plugin
/// calls through its API table (`weechat_hook_fd(fd, 1, 0, 0, cb, ptr,
/// data)` expands to `(weechat_plugin->hook_fd)(weechat_plugin, fd, ...)`)
/// and weechat's core calls by name.
struct PositionalRegistration {
  llvm::StringRef Name; ///< the function's, or the API table field's
  unsigned Args;        ///< how many arguments the call has
  unsigned FdArg, ReadArg, WriteArg, CallbackArg;
  /// The callee's prototype is the loop's own.
  bool (*Fits)(const FunctionProtoType &);
};
static const PositionalRegistration PositionalRegistrations[] = {
    {"hook_fd", 8, 1, 2, 3, 5, hasHookFdPrototype},
};

/// \p C's registration by argument position, when it is one: the name
/// (called directly or through a struct field), the number of arguments
/// and the prototype must fit.
static const PositionalRegistration *positionalRegistration(const CallExpr *C) {
  llvm::StringRef Name = globalCalleeName(C);
  if (Name.empty())
    if (const FieldDecl *F = calledField(C); F && F->getIdentifier())
      Name = F->getName();
  const FunctionProtoType *P = calleePrototype(C);
  for (const PositionalRegistration &R : PositionalRegistrations)
    if (Name == R.Name && C->getNumArgs() == R.Args && P && R.Fits(*P))
      return &R;
  return nullptr;
}

/// The directions \p R's call \p C turns on. Each flag must be a constant:
/// one the code computes says nothing for certain.
static unsigned positionalDirections(const PositionalRegistration &R,
                                     const CallExpr *C, const ASTContext &Ctx) {
  unsigned Mask = 0;
  for (auto [Arg, Bit] : {std::pair{R.ReadArg, +EventHandlers::Readable},
                          std::pair{R.WriteArg, +EventHandlers::Writable}}) {
    std::optional<llvm::APSInt> V = C->getArg(Arg)->getIntegerConstantExpr(Ctx);
    if (!V)
      return 0;
    if (*V != 0)
      Mask |= Bit;
  }
  return Mask;
}

void EventHandlers::scanFieldCalls(bool ForElsewhere) {
  // A loop's API table (weechat's plugin functions) is called through a
  // struct field: only the calls whose arguments the table above places,
  // looked for only where the TU has seen one of their names at all.
  const IdentifierTable &Idents = A.context().Idents;
  if (llvm::none_of(PositionalRegistrations,
                    [&](const PositionalRegistration &R) {
                      return Idents.find(R.Name) != Idents.end();
                    }))
    return;
  A.forEachFieldCallee(
      [&](const FieldDecl *, llvm::ArrayRef<const CallExpr *> Sites) {
        scan(Sites, /*ThroughField=*/true, ForElsewhere);
      });
}

/// The directions \p Arg names (EventHandlers::Readable, ::Writable).
static unsigned directionsNamed(const Expr *Arg, const ASTContext &Ctx) {
  // Both lists in one walk of the argument: bits below std::size(
  // ReadableFlags) are the readable names, the rest the writable ones.
  static const auto Flags = [] {
    llvm::SmallVector<llvm::StringRef, 16> All(std::begin(ReadableFlags),
                                               std::end(ReadableFlags));
    All.append(std::begin(WritableFlags), std::end(WritableFlags));
    return All;
  }();
  const uint32_t Seen = NonBlockingFdAnalysis::namesMentioned(Arg, Flags, Ctx);
  const uint32_t ReadBits = (uint32_t(1) << std::size(ReadableFlags)) - 1;
  unsigned Mask = 0;
  if (Seen & ReadBits)
    Mask |= EventHandlers::Readable;
  if (Seen & ~ReadBits)
    Mask |= EventHandlers::Writable;
  return Mask;
}

/// The object whose member \p Fd is (`df` for `df->fd`), when the
/// registration \p C passes it too: the handler's one pointer parameter of
/// its type, or `void *`, receives it.
static std::optional<unsigned> ownerParam(const FunctionDecl &Handler,
                                          const Expr *Fd, const CallExpr &C,
                                          const ASTContext &Ctx) {
  const auto *ME = dyn_cast<MemberExpr>(Fd->IgnoreParenCasts());
  const auto *Base =
      ME ? dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts())
         : nullptr;
  if (!Base || !Base->getType()->isPointerType())
    return std::nullopt;
  bool Passed = llvm::any_of(C.arguments(), [&](const Expr *Arg) {
    const auto *D = dyn_cast<DeclRefExpr>(Arg->IgnoreParenCasts());
    return D && D->getDecl() == Base->getDecl();
  });
  if (!Passed)
    return std::nullopt;
  std::optional<unsigned> Found;
  for (const ParmVarDecl *P : Handler.parameters()) {
    QualType T = P->getType();
    if (!T->isPointerType() ||
        !(T->isVoidPointerType() ||
          Ctx.hasSameUnqualifiedType(T, Base->getType())))
      continue;
    if (Found)
      return std::nullopt;
    Found = P->getFunctionScopeIndex();
  }
  return Found;
}

/// Adds to \p Carriers the locals of \p Fn set from one of them (`struct
/// dcc *df = data;`), and those set from these, in whatever order the body
/// has them: one walk over the body for its copies, then a search of them.
static void addLocalCopies(const FunctionDecl *Fn,
                           llvm::SmallVectorImpl<const Decl *> &Carriers) {
  llvm::DenseMap<const Decl *, llvm::SmallVector<const Decl *, 2>> CopiedTo;
  findStmt(Fn->getBody(), [&](const Stmt *S) {
    auto Note = [&](const Decl *To, const Expr *From) {
      if (isa_and_nonnull<VarDecl>(To))
        if (const Decl *D = fdIdentity(From))
          CopiedTo[D].push_back(To);
    };
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit())
          Note(VD->getCanonicalDecl(), VD->getInit());
    } else if (const auto *B = dyn_cast<BinaryOperator>(S);
               B && B->getOpcode() == BO_Assign &&
               isa<DeclRefExpr>(B->getLHS()->IgnoreParenCasts())) {
      Note(fdIdentity(B->getLHS()), B->getRHS());
    }
    return false;
  });
  for (size_t I = 0; I < Carriers.size(); ++I)
    for (const Decl *To : CopiedTo.lookup(Carriers[I]))
      if (!llvm::is_contained(Carriers, To))
        Carriers.push_back(To);
}

llvm::ArrayRef<const Decl *>
EventHandlers::ownersOfFdParam(const ParmVarDecl *P, const FunctionDecl *Fn) {
  const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
  if (!Def || of(Def).empty())
    return {};
  // Once per parameter: a handler asks for each of its calls.
  auto [It, New] = Owners.try_emplace(P->getCanonicalDecl());
  if (!New)
    return It->second;
  llvm::ArrayRef<HandlerRegistration> Regs = of(Def);
  std::optional<unsigned> Owner = Regs.front().OwnerParam;
  for (const HandlerRegistration &R : Regs)
    if (R.FdParam != P->getFunctionScopeIndex() || !R.OwnerParam ||
        R.OwnerParam != Owner)
      return It->second;
  llvm::SmallVector<const Decl *, 4> Found{
      Def->getParamDecl(*Owner)->getCanonicalDecl()};
  addLocalCopies(Def, Found);
  return Owners[P->getCanonicalDecl()] = Found;
}

void EventHandlers::scan(llvm::ArrayRef<const CallExpr *> Sites,
                         bool ThroughField, bool ForElsewhere) {
  ASTContext &Ctx = A.context();
  for (const CallExpr *C : Sites) {
    if (ThroughField && !positionalRegistration(C))
      continue;
    // The TU's functions; for the project's facts (ForElsewhere), other
    // files' (declared here, visible outside) instead.
    llvm::SmallVector<const FunctionDecl *, 2> Passed, Declared;
    for (const Expr *Arg : C->arguments()) {
      const FunctionDecl *F = functionNamedBy(Arg);
      if (!F)
        continue;
      if (F->hasBody())
        Passed.push_back(F);
      else if (ForElsewhere && F->isExternallyVisible() && F->getIdentifier())
        Declared.push_back(F->getCanonicalDecl());
    }
    // Most calls pass no function: the flags (a search of each
    // argument's tokens for fourteen names) are looked for only in
    // those that do.
    if (Passed.empty() && Declared.empty())
      continue;
    unsigned Mask = 0;
    // The descriptor: the one integer argument that names no flag.
    const Expr *Fd = nullptr;
    unsigned IntArgs = 0;
    for (const Expr *Arg : C->arguments()) {
      if (unsigned M = directionsNamed(Arg, Ctx)) {
        Mask |= M;
        continue;
      }
      // As passed: a null pointer written `0` is no descriptor.
      QualType T = Arg->getType();
      if (T->isIntegerType() && !T->isBooleanType()) {
        ++IntArgs;
        Fd = Arg->IgnoreParenImpCasts();
      }
    }
    const PositionalRegistration *ByPosition = nullptr;
    if (!Mask)
      Mask = directionsOfRegistration(C);
    if (!Mask && (ByPosition = positionalRegistration(C)))
      Mask = positionalDirections(*ByPosition, C, Ctx);
    if (!Mask)
      continue;
    if (ByPosition)
      Fd = C->getArg(ByPosition->FdArg)->IgnoreParenImpCasts();
    else if (IntArgs != 1)
      Fd = nullptr;
    // Only the functions that can be the handler: the argument a
    // positional registration names for it, and, where a call passes
    // several, not a destroy notifier (`void (*)(void *)`: glib's
    // g_io_add_watch_full(channel, priority, cond, func, data, notify)).
    const FunctionDecl *Callback =
        ByPosition ? functionNamedBy(C->getArg(ByPosition->CallbackArg))
                   : nullptr;
    bool Several = Passed.size() + Declared.size() > 1;
    auto NotHandler = [&](const FunctionDecl *F) {
      if (ByPosition)
        return !Callback ||
               Callback->getCanonicalDecl() != F->getCanonicalDecl();
      return Several && F->getNumParams() == 1 &&
             F->getParamDecl(0)->getType()->isPointerType() &&
             F->getReturnType()->isVoidType();
    };
    llvm::erase_if(Passed, NotHandler);
    llvm::erase_if(Declared, NotHandler);
    if (ForElsewhere) {
      for (const FunctionDecl *F : Declared)
        Elsewhere.push_back({F, Mask});
      continue;
    }
    if (Passed.empty())
      continue;
    IsReg[C] = true;
    for (const FunctionDecl *F : Passed) {
      HandlerRegistration R;
      R.Call = C;
      R.Handler = F->getDefinition();
      R.Directions = Mask;
      R.Fd = Fd;
      if (Fd) {
        // The loop passes the descriptor to the one parameter of its
        // type; with two (`int fd, int mask`), to neither that we know.
        unsigned Same = 0;
        for (const ParmVarDecl *P : R.Handler->parameters())
          if (Ctx.hasSameUnqualifiedType(P->getType(), Fd->getType())) {
            ++Same;
            R.FdParam = P->getFunctionScopeIndex();
          }
        if (Same != 1)
          R.FdParam.reset();
        R.OwnerParam = ownerParam(*R.Handler, Fd, *C, Ctx);
      }
      Regs.push_back(R);
    }
  }
}

void EventHandlers::build() {
  if (Built)
    return;
  Built = true;
  ASTContext &Ctx = A.context();
  A.forEachCallee(
      [&](const FunctionDecl *Callee, llvm::ArrayRef<const CallExpr *> Sites) {
        Direct[Callee->getCanonicalDecl()].assign(Sites.begin(), Sites.end());
        scan(Sites, /*ThroughField=*/false, /*ForElsewhere=*/false);
      });
  scanFieldCalls(/*ForElsewhere=*/false);
  // In source order; the handlers of one call in the order it names them.
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<std::pair<HandlerRegistration, size_t>> Sorted;
  for (size_t I = 0; I < Regs.size(); ++I)
    Sorted.push_back({Regs[I], I});
  llvm::sort(Sorted, [&](const auto &X, const auto &Y) {
    SourceLocation LX = SM.getExpansionLoc(X.first.Call->getBeginLoc());
    SourceLocation LY = SM.getExpansionLoc(Y.first.Call->getBeginLoc());
    if (LX != LY)
      return SM.isBeforeInTranslationUnit(LX, LY);
    return X.second < Y.second;
  });
  for (size_t I = 0; I < Regs.size(); ++I)
    Regs[I] = Sorted[I].first;
  for (const HandlerRegistration &R : Regs)
    ByHandler[R.Handler->getCanonicalDecl()].push_back(R);
}

llvm::ArrayRef<HandlerRegistration> EventHandlers::all() {
  build();
  return Regs;
}

llvm::ArrayRef<HandlerRegistration> EventHandlers::of(const FunctionDecl *Fn) {
  build();
  auto It = ByHandler.find(Fn->getCanonicalDecl());
  if (It == ByHandler.end())
    return {};
  return It->second;
}

llvm::ArrayRef<const CallExpr *>
EventHandlers::directCallsOf(const FunctionDecl *Fn) {
  build();
  auto It = Direct.find(Fn->getCanonicalDecl());
  if (It == Direct.end())
    return {};
  return It->second;
}

bool EventHandlers::isRegistration(const CallExpr *C) {
  build();
  return IsReg.lookup(C);
}

unsigned EventHandlers::readinessDirections(const FunctionDecl *Fn) {
  const FunctionDecl *Def = Fn->getDefinition();
  if (!Def || !directCallsOf(Def).empty())
    return 0;
  unsigned Mask = 0;
  for (const HandlerRegistration &R : of(Def))
    Mask |= R.Directions;
  // Registered by another file, as the project's facts say (the merge
  // keeps only functions that no file calls directly).
  if (!Mask && Def->isExternallyVisible() && Def->getIdentifier())
    if (const ProjectFacts *F = A.projectFacts();
        F && (!F->ReadHandlers.empty() || !F->WriteHandlers.empty())) {
      // Once per function: each of its I/O calls asks.
      auto [It, New] = FactDirections.try_emplace(Def->getCanonicalDecl(), 0);
      if (New) {
        std::string Name = Def->getQualifiedNameAsString();
        It->second = (F->readHandler(Name) ? Readable : 0) |
                     (F->writeHandler(Name) ? Writable : 0);
      }
      Mask = It->second;
    }
  return Mask;
}

llvm::ArrayRef<std::pair<const FunctionDecl *, unsigned>>
EventHandlers::registeredElsewhere() {
  // Asked by the facts export only: a pass of its own, so that the checks
  // do not pay for it.
  if (ElsewhereBuilt)
    return Elsewhere;
  ElsewhereBuilt = true;
  A.forEachCallee(
      [&](const FunctionDecl *, llvm::ArrayRef<const CallExpr *> Sites) {
        scan(Sites, /*ThroughField=*/false, /*ForElsewhere=*/true);
      });
  scanFieldCalls(/*ForElsewhere=*/true);
  return Elsewhere;
}

/// The one direction whose flag \p Cond requires: a conjunct that is a
/// bitwise test of it (`cond & B_EV_IO_READ`, `(what & EV_WRITE) != 0`).
/// A negated test (`!(cond & B_EV_IO_READ)`) or one of both flags requires
/// none.
static unsigned directionRequired(const Expr *Cond, const ASTContext &Ctx) {
  llvm::SmallVector<const Expr *, 4> Work{Cond};
  unsigned Required = 0;
  while (!Work.empty()) {
    const Expr *E = Work.pop_back_val()->IgnoreParenImpCasts();
    const auto *B = dyn_cast<BinaryOperator>(E);
    if (!B)
      continue;
    if (B->getOpcode() == BO_LAnd) {
      Work.push_back(B->getLHS());
      Work.push_back(B->getRHS());
      continue;
    }
    if (B->getOpcode() == BO_NE)
      if (std::optional<llvm::APSInt> Zero =
              B->getRHS()->getIntegerConstantExpr(Ctx);
          Zero && *Zero == 0)
        B = dyn_cast<BinaryOperator>(B->getLHS()->IgnoreParenImpCasts());
    if (B && B->getOpcode() == BO_And)
      Required |= directionsNamed(B, Ctx);
  }
  return Required == EventHandlers::Readable ||
                 Required == EventHandlers::Writable
             ? Required
             : 0;
}

unsigned EventHandlers::readinessDirectionsAt(const FunctionDecl *Fn,
                                              const Stmt *At) {
  unsigned Mask = readinessDirections(Fn);
  if (!Mask)
    return 0;
  const FunctionParents::Map &PM = A.functionParents().of(Fn);
  for (const Stmt *Child = At, *P = PM.getParent(At); P && Mask;
       Child = P, P = PM.getParent(P))
    if (const auto *If = dyn_cast<IfStmt>(P); If && If->getThen() == Child)
      if (unsigned Tested = directionRequired(If->getCond(), A.context()))
        Mask &= Tested;
  return Mask;
}

const HandlerRegistration *
EventHandlers::writableRegistrationOf(const Expr *Fd, const FunctionDecl *Fn) {
  llvm::SmallVector<const Decl *, 4> Names = namesOfFd(Fd, Fn);
  if (Names.empty())
    return nullptr;
  // ...and the fields and variables \p Fn stores the local into
  // (`c->fd = fd;`), where a registration elsewhere finds it.
  if (const auto *V = dyn_cast<VarDecl>(Names.front());
      V && V->isLocalVarDecl())
    findStmt(Fn->getBody(), [&](const Stmt *S) {
      const auto *B = dyn_cast<BinaryOperator>(S);
      if (!B || B->getOpcode() != BO_Assign)
        return false;
      const Expr *R = B->getRHS()->IgnoreParenCasts();
      while (const auto *Inner = dyn_cast<BinaryOperator>(R)) {
        if (Inner->getOpcode() != BO_Assign)
          break;
        R = Inner->getLHS()->IgnoreParenCasts();
      }
      if (fdIdentity(R) == V)
        if (const Decl *D = fdIdentity(B->getLHS());
            D && !llvm::is_contained(Names, D))
          Names.push_back(D);
      return false;
    });
  const HandlerRegistration *Found = nullptr;
  for (const HandlerRegistration &R : all()) {
    if (!(R.Directions & Writable) || !R.Fd ||
        !llvm::is_contained(Names, fdIdentity(R.Fd)))
      continue;
    if (handsDescriptorAway(R))
      return nullptr; // the outcome may be read where it goes
    if (!Found)
      Found = &R;
  }
  return Found;
}

bool EventHandlers::handsDescriptorAway(const HandlerRegistration &R) {
  const SourceManager &SM = A.context().getSourceManager();
  // The registered descriptor's field (`df->fd`), wherever it is reached.
  const auto *FdField =
      R.Fd ? dyn_cast_or_null<FieldDecl>(fdIdentity(R.Fd)) : nullptr;
  // (function, parameter) pairs that carry the descriptor or a pointer
  // that reaches it, followed into the TU's functions once each.
  llvm::SmallVector<std::pair<const FunctionDecl *, unsigned>, 8> Work;
  llvm::DenseSet<std::pair<const FunctionDecl *, unsigned>> Seen;
  auto Push = [&](const FunctionDecl *F, unsigned I) {
    if (Seen.insert({F, I}).second)
      Work.push_back({F, I});
  };
  // Every parameter that may receive the descriptor (all of its type when
  // it is not known which: `int fd, int mask`) or a pointer to its owner.
  for (const ParmVarDecl *P : R.Handler->parameters())
    if (P->getType()->isPointerType() ||
        (R.FdParam ? P->getFunctionScopeIndex() == *R.FdParam
                   : R.Fd && A.context().hasSameUnqualifiedType(
                                 P->getType(), R.Fd->getType())))
      Push(R.Handler, P->getFunctionScopeIndex());
  // The carriers of each function, grown from its parameters.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const Decl *, 4>>
      Carriers;
  while (!Work.empty()) {
    auto [F, I] = Work.pop_back_val();
    auto &Mine = Carriers[F];
    Mine.push_back(F->getParamDecl(I)->getCanonicalDecl());
    addLocalCopies(F, Mine);
    // Where the carriers go.
    const Stmt *Away = findStmt(F->getBody(), [&](const Stmt *S) {
      const auto *C = dyn_cast<CallExpr>(S);
      if (!C)
        return false;
      for (unsigned AI = 0; AI < C->getNumArgs(); ++AI) {
        const Expr *Arg = C->getArg(AI)->IgnoreParenCasts();
        const Decl *D = fdIdentity(Arg);
        bool Carries =
            D && (llvm::is_contained(Mine, D) || (FdField && D == FdField));
        if (!Carries)
          continue;
        const FunctionDecl *Callee = C->getDirectCallee();
        if (!Callee)
          return true; // through a pointer: anything may run
        if (const FunctionDecl *Def = Callee->getDefinition();
            Def && Def->hasBody()) {
          if (AI >= Def->getNumParams())
            return true; // a variadic argument, read who knows how
          Push(Def, AI);
          continue;
        }
        llvm::StringRef N = globalCalleeName(C);
        if (SM.isInSystemHeader(Callee->getLocation()) ||
            isKnownLibraryFunction(N) || isBuiltinTerminalFunction(N) ||
            Callee->getBuiltinID() || isRegistration(C))
          continue; // the C library, or the loop that only watches it
        return true;
      }
      return false;
    });
    if (Away)
      return true;
  }
  return false;
}

} // namespace clang::tidy::nbio
