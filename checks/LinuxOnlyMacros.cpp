//===--- LinuxOnlyMacros.cpp - Socket macros only Linux defines -----------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "LinuxOnlyMacros.h"
#include "SourceText.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::nbio {

// Each of these is in glibc's and musl's Linux headers and in none of the
// C libraries of the systems where EAGAIN and EWOULDBLOCK differ (AIX,
// HP-UX, Windows): SOL_IP/SOL_TCP/SOL_UDP (elsewhere the level is the
// protocol number, IPPROTO_IP...), MSG_MORE and TCP_CORK (the BSDs and
// macOS cork with TCP_NOPUSH), MSG_ZEROCOPY and SO_ZEROCOPY (Linux 4.14).
// Some other systems have one (Cygwin's SOL_IP, Solaris's TCP_CORK,
// lwIP's MSG_MORE), all with the two names one value. Not SOCK_NONBLOCK,
// MSG_NOSIGNAL or SIOCGIFINDEX: the BSDs or Solaris have those too, and
// nothing says that the systems where the names differ lack them.
static const llvm::StringRef Names[] = {
    "SOL_IP",   "SOL_TCP",      "SOL_UDP",    "MSG_MORE",
    "TCP_CORK", "MSG_ZEROCOPY", "SO_ZEROCOPY"};

llvm::ArrayRef<llvm::StringRef> LinuxOnlyMacros::names() { return Names; }

bool LinuxOnlyMacros::mayNameOne(llvm::StringRef Text) {
  return llvm::any_of(Names,
                      [&](llvm::StringRef N) { return Text.contains(N); });
}

bool LinuxOnlyMacros::listed(llvm::StringRef Name) {
  return llvm::is_contained(Names, Name);
}

namespace {
/// Records what the preprocessor did with the project's files: the
/// headers it entered that are neither the main file nor system headers
/// (the project's, and the predefines buffer with the command line's
/// `-D`s), the `#include`s it followed, the ranges it skipped, and the
/// main file's calls of the project's function-like macros.
class RecordProjectFiles : public PPCallbacks {
public:
  RecordProjectFiles(const SourceManager &SM,
                     std::shared_ptr<LinuxOnlyMacros::Seen> Out)
      : SM(SM), Out(std::move(Out)) {}
  void FileChanged(SourceLocation Loc, FileChangeReason Reason,
                   SrcMgr::CharacteristicKind Kind, FileID) override {
    if (Reason != EnterFile || Kind != SrcMgr::C_User)
      return;
    FileID FID = SM.getFileID(Loc);
    if (FID.isValid() && FID != SM.getMainFileID())
      Out->ProjectHeaders.push_back(FID);
  }
  void InclusionDirective(SourceLocation Hash, const Token &, StringRef Name,
                          bool, CharSourceRange, OptionalFileEntryRef,
                          StringRef, StringRef, const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    // Only the project's files are read for unfollowed includes.
    if (!Hash.isFileID() || SM.isInSystemHeader(Hash))
      return;
    Out->Followed.insert(Hash.getRawEncoding());
    Out->FollowedNames.insert({SM.getFileID(Hash), Name.str()});
  }
  void SourceRangeSkipped(SourceRange Range, SourceLocation) override {
    // Only the main file's are asked about.
    if (Range.getBegin().isFileID() && Range.getEnd().isFileID() &&
        SM.isInMainFile(Range.getBegin()))
      Out->Skipped.push_back({Range.getBegin(), Range.getEnd()});
  }
  void MacroExpands(const Token &, const MacroDefinition &MD, SourceRange R,
                    const MacroArgs *) override {
    // Called at every expansion of the TU: the tests that cost least
    // come first.
    if (!R.getBegin().isFileID() || !R.getEnd().isFileID())
      return;
    const MacroInfo *MI = MD.getMacroInfo();
    if (!MI || !MI->isFunctionLike() || !SM.isInMainFile(R.getBegin()) ||
        SM.isInSystemHeader(MI->getDefinitionLoc()))
      return;
    Out->ProjectMacroCalls.push_back(
        {SM.getFileOffset(R.getBegin()), SM.getFileOffset(R.getEnd())});
  }

private:
  const SourceManager &SM;
  std::shared_ptr<LinuxOnlyMacros::Seen> Out;
};
} // namespace

void LinuxOnlyMacros::registerPreprocessor(Preprocessor *P) {
  PP = P;
  State = std::make_shared<Seen>();
  Answers.assign(std::size(Names), -1);
  PP->addPPCallbacks(
      std::make_unique<RecordProjectFiles>(PP->getSourceManager(), State));
}

bool LinuxOnlyMacros::inProjectMacroCall(unsigned MainOffset) const {
  return State && llvm::any_of(State->ProjectMacroCalls, [&](const auto &R) {
           return R.first <= MainOffset && MainOffset <= R.second;
         });
}

/// Reads \p FID's raw tokens. Sets \p Named if \p Name is one of its
/// identifiers (with \p CodeOnlyIn, only outside directives and inside
/// one of those ranges), and \p Unfollowed if an `#include "..."` there
/// was not followed, unless the same file followed another `#include` of
/// the same name (libowfat's iob_send.c includes its headers in both
/// branches of `#ifdef __MINGW32__`): that header's text is read anyway.
static void scanFile(
    const SourceManager &SM, FileID FID, const LangOptions &LO,
    llvm::StringRef Name,
    const std::vector<std::pair<SourceLocation, SourceLocation>> *CodeOnlyIn,
    const LinuxOnlyMacros::Seen &Saw, bool &Named, bool &Unfollowed) {
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid) {
    Named = true; // unreadable: not known to be free of it
    return;
  }
  bool MayName = Buf.contains(Name);
  if (!MayName && !Buf.contains("include") && !Buf.contains("import"))
    return;
  auto IsName = [&](const Token &T) {
    return MayName && T.is(tok::raw_identifier) && T.getRawIdentifier() == Name;
  };
  SourceLocation Start = SM.getLocForStartOfFile(FID);
  forEachDirective(
      SM, FID, Buf, LO,
      [&](llvm::StringRef D, unsigned HashAt, llvm::ArrayRef<Token> Rest) {
        // `#include "name"` (and `#include_next`, `#import`).
        if (llvm::is_contained({"include", "include_next", "import"}, D) &&
            !Rest.empty() && Rest[0].is(tok::string_literal) &&
            !Saw.Followed.count(
                Start.getLocWithOffset(HashAt).getRawEncoding())) {
          llvm::StringRef Spelled(Rest[0].getLiteralData(),
                                  Rest[0].getLength());
          if (!Saw.FollowedNames.count(
                  {FID, Spelled.drop_front().drop_back().str()}))
            Unfollowed = true;
        }
        if (!CodeOnlyIn && llvm::any_of(Rest, IsName))
          Named = true;
        return true;
      },
      [&](const Token &T) {
        if (!IsName(T))
          return;
        SourceLocation At = T.getLocation();
        if (!CodeOnlyIn || llvm::any_of(*CodeOnlyIn, [&](const auto &R) {
              return !SM.isBeforeInTranslationUnit(At, R.first) &&
                     !SM.isBeforeInTranslationUnit(R.second, At);
            }))
          Named = true;
      });
}

bool LinuxOnlyMacros::fromPlatformAlone(llvm::StringRef Name) {
  const auto *It = llvm::find(Names, Name);
  if (!PP || It == std::end(Names))
    return false;
  signed char &Answer = Answers[It - std::begin(Names)];
  if (Answer >= 0)
    return Answer;
  Answer = 0;
  // A precompiled header's or clangd's preamble's directives never reach
  // the callbacks, nor does a module's text.
  const PreprocessorOptions &Opts = PP->getPreprocessorOpts();
  if (!Opts.ImplicitPCHInclude.empty() ||
      Opts.PrecompiledPreambleBytes.first != 0 || PP->getLangOpts().Modules)
    return false;
  const SourceManager &SM = PP->getSourceManager();
  const MacroInfo *MI = PP->getMacroInfo(PP->getIdentifierInfo(Name));
  if (!MI || !SM.isInSystemHeader(MI->getDefinitionLoc()))
    return false;
  // The project's headers: no mention at all, in a directive (a fallback
  // `#define`, a test) or in code (an `enum { SOL_IP = 0 };` for other
  // systems), skipped branches included. The main file: no mention in
  // code the preprocessor skipped (its directives are the caller's to
  // judge). Nowhere an `#include "..."` the preprocessor did not follow
  // (scanFile): a compatibility header included only on other systems
  // (`#ifdef _WIN32` / `#include "win32compat.h"`) may define the macro
  // there.
  bool Named = false, Unfollowed = false;
  const LangOptions &LO = PP->getLangOpts();
  for (FileID FID : State->ProjectHeaders) {
    scanFile(SM, FID, LO, Name, nullptr, *State, Named, Unfollowed);
    if (Named || Unfollowed)
      return false;
  }
  scanFile(SM, SM.getMainFileID(), LO, Name, &State->Skipped, *State, Named,
           Unfollowed);
  if (Named || Unfollowed)
    return false;
  Answer = 1;
  return true;
}

} // namespace clang::tidy::nbio
