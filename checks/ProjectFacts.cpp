//===--- ProjectFacts.cpp - What other translation units know -------------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "ProjectFacts.h"
#include "clang/AST/Decl.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>
#include <mutex>

namespace clang::tidy::nbio {

/// The facts file's format version: a file of another version is ignored
/// with a warning (run `nbio-facts merge` again).
constexpr int64_t FactsVersion = 1;

/// How far up from the TU's working directory discovery looks: a build
/// directory's subdirectories are rarely deeper than this.
constexpr unsigned MaxDiscoveryDepth = 8;

static llvm::json::Object objectSummaryJSON(const ObjectSummary &S) {
  llvm::json::Object O;
  if (!S.Stores.empty()) {
    llvm::json::Array Stores;
    llvm::json::Object Fields;
    for (const ObjectSummary::Store &St : S.Stores) {
      Stores.push_back(St.Path + "=" + std::to_string(St.From));
      if (!St.Field.empty())
        Fields[St.Path] = St.Field;
    }
    // A TU's summary names each store's field (`store_fields`): the merge
    // keeps the stores into the project's descriptor fields.
    if (!Fields.empty())
      O["store_fields"] = std::move(Fields);
    O["stores"] = std::move(Stores);
  }
  if (!S.Handoffs.empty()) {
    llvm::json::Array Hs;
    for (const ObjectSummary::Handoff &H : S.Handoffs) {
      llvm::json::Array Args;
      for (int A : H.Args)
        Args.push_back(int64_t(A));
      Hs.push_back(llvm::json::Object{{"path", H.Path},
                                      {"callee", H.Callee},
                                      {"arg", int64_t(H.Arg)},
                                      {"args", std::move(Args)}});
    }
    O["handoffs"] = std::move(Hs);
  }
  if (!S.Escapes.empty())
    O["escapes"] = llvm::json::Array(S.Escapes);
  return O;
}

/// One entry of `object_params`; false when it is malformed.
static bool objectSummaryFromJSON(const llvm::json::Value &V,
                                  ObjectSummary &S) {
  const llvm::json::Object *O = V.getAsObject();
  if (!O)
    return false;
  if (const llvm::json::Array *Stores = O->getArray("stores"))
    for (const llvm::json::Value &E : *Stores) {
      auto Text = E.getAsString();
      if (!Text)
        return false;
      auto [Path, From] = Text->rsplit('=');
      int F = 0;
      if (From.getAsInteger(10, F) || F < VkBlocking)
        return false;
      S.Stores.push_back({Path.str(), F, std::string()});
    }
  if (const llvm::json::Array *Hs = O->getArray("handoffs"))
    for (const llvm::json::Value &E : *Hs) {
      const llvm::json::Object *H = E.getAsObject();
      auto Callee = H ? H->getString("callee") : std::nullopt;
      auto Arg = H ? H->getInteger("arg") : std::nullopt;
      const llvm::json::Array *Args = H ? H->getArray("args") : nullptr;
      if (!Callee || !Arg || *Arg < 0 || !Args)
        return false;
      ObjectSummary::Handoff Out;
      Out.Path = H->getString("path").value_or("").str();
      Out.Callee = Callee->str();
      Out.Arg = unsigned(*Arg);
      for (const llvm::json::Value &A : *Args) {
        auto N = A.getAsInteger();
        if (!N || *N < VkBlocking || *N > 1024)
          return false;
        Out.Args.push_back(int(*N));
      }
      S.Handoffs.push_back(std::move(Out));
    }
  if (const llvm::json::Array *Es = O->getArray("escapes"))
    for (const llvm::json::Value &E : *Es) {
      auto Text = E.getAsString();
      if (!Text)
        return false;
      S.Escapes.push_back(Text->str());
    }
  return true;
}

static llvm::json::Object wrapperJSON(const FactWrapper &W) {
  llvm::json::Object O{{"name", W.Name},
                       {"fd", int64_t(W.FdArg)},
                       {"dir", W.Write ? "write" : "read"},
                       {"library", W.Library},
                       {"buf", int64_t(W.BufArg)},
                       {"len", int64_t(W.LenArg)},
                       {"count", W.ReturnsCount},
                       {"at", W.At}};
  if (!W.FdField.empty())
    O["fd_field"] = W.FdField;
  if (W.AddrArg != -1)
    O["addr"] = int64_t(W.AddrArg);
  if (W.OwnEagain)
    O["own_eagain"] = true;
  return O;
}

static llvm::json::Object wrapperViaJSON(const ProjectFacts::WrapperVia &W) {
  llvm::json::Array Params, Fields, FdArgs;
  for (int P : W.Params)
    Params.push_back(int64_t(P));
  for (unsigned A : W.FdArgs)
    FdArgs.push_back(int64_t(A));
  for (const std::string &F : W.Fields)
    Fields.push_back(F);
  llvm::json::Object O{{"name", W.Name},
                       {"via", W.Via},
                       {"params", std::move(Params)},
                       {"fields", std::move(Fields)},
                       {"fds", std::move(FdArgs)},
                       {"value", W.ReturnsValue},
                       {"at", W.At}};
  if (W.OwnEagain)
    O["own_eagain"] = true;
  return O;
}

llvm::json::Value ProjectFacts::toJSON() const {
  llvm::json::Array Ws;
  for (const FactWrapper &W : Wrappers)
    Ws.push_back(wrapperJSON(W));
  llvm::json::Array WsIf;
  for (const WrapperVia &W : WrappersIf)
    WsIf.push_back(wrapperViaJSON(W));
  llvm::json::Array If;
  for (const auto &[Fn, Needs] : KeepsModeIf)
    If.push_back(llvm::json::Object{
        {"fn", Fn}, {"needs", llvm::json::Array(Needs)}});
  llvm::json::Array Via;
  llvm::json::Array FieldsVia;
  for (const FieldVia &F : FieldsIf)
    FieldsVia.push_back(
        llvm::json::Object{{"field", F.Field}, {"via", F.Via}, {"at", F.At}});
  for (const ModeVia &M : ModeIf) {
    llvm::json::Object O{{"fn", M.Fn}, {"via", M.Via}, {"at", M.At}};
    if (!M.Flags.empty()) {
      llvm::json::Object Flags;
      for (auto [Arg, True] : M.Flags)
        Flags[std::to_string(Arg)] = True;
      O["flags"] = std::move(Flags);
    }
    Via.push_back(std::move(O));
  }
  llvm::json::Object Orig;
  for (const auto &E : Origins)
    Orig[E.getKey()] = E.getValue();
  llvm::json::Array Targets;
  for (const FieldTarget &T : FieldTargets) {
    llvm::json::Object O{{"field", T.Field}, {"fn", T.Fn}, {"at", T.At}};
    if (T.Wrapper)
      O["wrapper"] = wrapperJSON(*T.Wrapper);
    else if (T.WrapperIf)
      O["wrapper_if"] = wrapperViaJSON(*T.WrapperIf);
    Targets.push_back(std::move(O));
  }
  llvm::json::Object Fields;
  for (const auto &[K, V] : NonBlockingFields)
    Fields[K] = V;
  llvm::json::Object Sessions;
  for (const auto &[K, V] : NonBlockingSessions)
    Sessions[K] = V;
  llvm::json::Object Returns;
  for (const auto &[K, R] : NonBlockingReturns) {
    llvm::json::Object O{{"made", R.MadeAt}};
    if (R.Datagram)
      O["datagram"] = true;
    Returns[K] = std::move(O);
  }
  llvm::json::Object FlagRets;
  for (const auto &[K, F] : FlagReturns) {
    llvm::json::Object O{
        {"arg", int64_t(F.Arg)}, {"creator", F.Creator}, {"at", F.At}};
    if (F.Sole)
      O["sole"] = true;
    if (F.Kept)
      O["kept"] = true;
    FlagRets[K] = std::move(O);
  }
  llvm::json::Array ReturnsIf;
  for (const auto &[Fn, Needs] : BlockingReturnsIf)
    ReturnsIf.push_back(
        llvm::json::Object{{"fn", Fn}, {"needs", llvm::json::Array(Needs)}});
  llvm::json::Array Uses;
  for (const FieldUse &U : FieldUses)
    Uses.push_back(llvm::json::Object{
        {"field", U.Field},
        {"blocking", U.Blocking},
        {"created", U.Created},
        {"needs", llvm::json::Array(U.Needs)},
        {"nonsocket", U.NonSocket},
        {"stores", U.Stores},
        {"nonsocket_needs", llvm::json::Array(U.NonSocketNeeds)},
        {"datagram", U.Datagram},
        {"datagram_stores", U.DatagramStores}});
  llvm::json::Array SessUses;
  for (const SessionUse &U : SessionUses)
    SessUses.push_back(llvm::json::Object{{"field", U.Field},
                                          {"blocking", U.Blocking},
                                          {"needs", llvm::json::Array(U.Needs)},
                                          {"own_transport", U.OwnTransport},
                                          {"replaced", U.Replaced}});
  llvm::json::Array NonSocketIf;
  for (const auto &[Fn, Needs] : NonSocketReturnsIf)
    NonSocketIf.push_back(
        llvm::json::Object{{"fn", Fn}, {"needs", llvm::json::Array(Needs)}});
  llvm::json::Array Sites;
  for (const ParamSite &S : ParamSites) {
    llvm::json::Object O{
        {"param", S.Param},
        {"at", S.At},
        {"mode", S.Mode == ParamSite::NonBlocking ? "nonblocking"
                 : S.Mode == ParamSite::Forwarded ? "forwarded"
                                                  : "other"},
        {"from", S.From}};
    if (S.Datagram)
      O["datagram"] = true;
    if (S.Blocking) {
      O["blocking"] = true;
      O["needs"] = llvm::json::Array(S.Needs);
    }
    Sites.push_back(std::move(O));
  }
  llvm::json::Object Reached;
  for (const auto &[K, R] : NonBlockingParams) {
    llvm::json::Object O{{"made", R.MadeAt}, {"passed", R.PassedAt}};
    if (R.Datagram)
      O["datagram"] = true;
    Reached[K] = std::move(O);
  }
  llvm::json::Object Objects;
  for (const auto &[K, S] : ObjectParams)
    Objects[K] = objectSummaryJSON(S);
  llvm::json::Array Changes;
  for (const NumberChange &C : NumberChanges) {
    llvm::json::Object O{{"number", C.Number}};
    if (!C.Unless.empty())
      O["unless"] = llvm::json::Array(C.Unless);
    Changes.push_back(std::move(O));
  }
  llvm::json::Object GlobalObjs;
  for (const auto &[K, S] : GlobalObjects)
    GlobalObjs[K] = objectSummaryJSON(S);
  return llvm::json::Object{
      {"version", FactsVersion},
      {"nonblocking", llvm::json::Array(NonBlocking)},
      {"blocking", llvm::json::Array(Blocking)},
      {"keeps_mode", llvm::json::Array(KeepsMode)},
      {"waits", llvm::json::Array(Waits)},
      {"calls", llvm::json::Array(Calls)},
      {"keeps_mode_if", std::move(If)},
      {"mode_if", std::move(Via)},
      {"nonblocking_fields_if", std::move(FieldsVia)},
      {"io_wrappers", std::move(Ws)},
      {"io_wrappers_if", std::move(WsIf)},
      {"field_targets", std::move(Targets)},
      {"nonblocking_fields", std::move(Fields)},
      {"nonblocking_sessions", std::move(Sessions)},
      {"nonblocking_returns", std::move(Returns)},
      {"flag_returns", std::move(FlagRets)},
      {"blocking_returns_if", std::move(ReturnsIf)},
      {"field_uses", std::move(Uses)},
      {"session_uses", std::move(SessUses)},
      {"blocking_sessions", llvm::json::Array(BlockingSessions)},
      {"own_transport_sessions", llvm::json::Array(OwnTransportSessions)},
      {"mixed_sessions", llvm::json::Array(MixedSessions)},
      {"blocking_returns", llvm::json::Array(BlockingReturns)},
      {"blocking_fields", llvm::json::Array(BlockingFields)},
      {"nonsocket_returns_if", std::move(NonSocketIf)},
      {"nonsocket_returns", llvm::json::Array(NonSocketReturns)},
      {"nonsocket_fields", llvm::json::Array(NonSocketFields)},
      {"datagram_fields", llvm::json::Array(DatagramFields)},
      {"pipe_fillers", llvm::json::Array(PipeFillers)},
      {"nonsocket_out_params", llvm::json::Array(NonSocketOutParams)},
      {"param_sites", std::move(Sites)},
      {"address_taken", llvm::json::Array(AddressTaken)},
      {"blocking_params", llvm::json::Array(BlockingParams)},
      {"nonblocking_params", std::move(Reached)},
      {"reads_so_error", ReadsSoError},
      {"so_error_readers", llvm::json::Array(SoErrorReaders)},
      {"rcvtimeo_setters", llvm::json::Array(RcvTimeoutSetters)},
      {"sndtimeo_setters", llvm::json::Array(SndTimeoutSetters)},
      {"defined_functions", llvm::json::Array(DefinedFunctions)},
      {"quiet_bios", llvm::json::Array(QuietBios)},
      {"other_bios", llvm::json::Array(OtherBios)},
      {"read_handlers", llvm::json::Array(ReadHandlers)},
      {"write_handlers", llvm::json::Array(WriteHandlers)},
      {"waits_for_readiness", WaitsForReadiness},
      {"object_params", std::move(Objects)},
      {"globals", llvm::json::Array(Globals)},
      {"shared_globals", llvm::json::Array(SharedGlobals)},
      {"global_objects", std::move(GlobalObjs)},
      {"number_changes", std::move(Changes)},
      {"main_file", MainFile},
      {"origins", std::move(Orig)}};
}

static std::string strings(const llvm::json::Object &O, llvm::StringRef Key,
                           std::vector<std::string> &Out) {
  const llvm::json::Value *V = O.get(Key);
  if (!V)
    return {};
  // A list comes as one string, an entry a line (the merge writes every
  // list so), or as an array (a TU's own summary, a hand-written file):
  // the JSON reader builds a value for each element of an array, and a
  // project's hundreds of entries were most of the time every TU spent
  // reading the file.
  if (std::optional<llvm::StringRef> Lines = V->getAsString()) {
    llvm::SmallVector<llvm::StringRef, 64> Entries;
    Lines->split(Entries, '\n', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
    Out.reserve(Out.size() + Entries.size());
    for (llvm::StringRef E : Entries)
      Out.push_back(E.str());
    return {};
  }
  const llvm::json::Array *A = V->getAsArray();
  if (!A)
    return "has a '" + Key.str() +
           "' that is neither a list nor a string of lines";
  for (const llvm::json::Value &E : *A) {
    auto S = E.getAsString();
    if (!S)
      return "has a '" + Key.str() + "' that holds a non-string";
    Out.push_back(S->str());
  }
  return {};
}

/// One wrapper's entry; false when it has no name or descriptor.
static bool wrapperFromJSON(const llvm::json::Value &E, FactWrapper &F) {
  const llvm::json::Object *W = E.getAsObject();
  auto Name = W ? W->getString("name") : std::nullopt;
  auto Fd = W ? W->getInteger("fd") : std::nullopt;
  if (!Name || !Fd || *Fd < 0)
    return false;
  F.Name = Name->str();
  F.FdArg = unsigned(*Fd);
  F.FdField = W->getString("fd_field").value_or("").str();
  F.Write = W->getString("dir") == "write";
  F.Library = W->getString("library").value_or("").str();
  F.BufArg = int(W->getInteger("buf").value_or(-1));
  F.LenArg = int(W->getInteger("len").value_or(-1));
  // -2 (the wrapper's own address) up to a parameter's index; anything
  // else says nothing.
  int64_t Addr = W->getInteger("addr").value_or(-1);
  F.AddrArg = Addr >= -2 && Addr <= 127 ? int(Addr) : -1;
  F.ReturnsCount = W->getBoolean("count").value_or(false);
  F.OwnEagain = W->getBoolean("own_eagain").value_or(false);
  F.At = W->getString("at").value_or("").str();
  return true;
}

std::string ProjectFacts::fromJSON(const llvm::json::Value &V,
                                   ProjectFacts &Out) {
  const llvm::json::Object *O = V.getAsObject();
  if (!O)
    return "is not a JSON object";
  if (O->getInteger("version") != FactsVersion)
    return "is not version " + std::to_string(FactsVersion) +
           " (run 'nbio-facts merge' again)";
  for (auto [Key, List] :
       {std::pair<llvm::StringRef, std::vector<std::string> *>{
            "nonblocking", &Out.NonBlocking},
        {"blocking", &Out.Blocking},
        {"keeps_mode", &Out.KeepsMode},
        {"waits", &Out.Waits},
        {"blocking_returns", &Out.BlockingReturns},
        {"blocking_fields", &Out.BlockingFields},
        {"blocking_sessions", &Out.BlockingSessions},
        {"own_transport_sessions", &Out.OwnTransportSessions},
        {"mixed_sessions", &Out.MixedSessions},
        {"nonsocket_returns", &Out.NonSocketReturns},
        {"nonsocket_fields", &Out.NonSocketFields},
        {"datagram_fields", &Out.DatagramFields},
        {"pipe_fillers", &Out.PipeFillers},
        {"nonsocket_out_params", &Out.NonSocketOutParams},
        {"address_taken", &Out.AddressTaken},
        {"blocking_params", &Out.BlockingParams},
        {"so_error_readers", &Out.SoErrorReaders},
        {"rcvtimeo_setters", &Out.RcvTimeoutSetters},
        {"sndtimeo_setters", &Out.SndTimeoutSetters},
        {"quiet_bios", &Out.QuietBios},
        {"other_bios", &Out.OtherBios},
        {"read_handlers", &Out.ReadHandlers},
        {"write_handlers", &Out.WriteHandlers},
        {"globals", &Out.Globals},
        {"shared_globals", &Out.SharedGlobals},
        {"object_fields", &Out.ObjectFields},
        {"library_namesakes", &Out.LibraryNamesakes}})
    if (std::string Why = strings(*O, Key, *List); !Why.empty())
      return Why;
  Out.LibraryNamesakesKnown = O->get("library_namesakes") != nullptr;
  // Sorted once here (the merge writes it sorted already), so that each
  // TU looks an entry up where it is instead of copying the list into a
  // set of its own: a project's list runs to thousands of entries.
  for (std::vector<std::string> *List : {&Out.KeepsMode,
                                         &Out.BlockingReturns,
                                         &Out.BlockingFields,
                                         &Out.BlockingSessions,
                                         &Out.OwnTransportSessions,
                                         &Out.MixedSessions,
                                         &Out.NonSocketReturns,
                                         &Out.NonSocketFields,
                                         &Out.DatagramFields,
                                         &Out.PipeFillers,
                                         &Out.NonSocketOutParams,
                                         &Out.BlockingParams,
                                         &Out.SharedGlobals,
                                         &Out.ObjectFields,
                                         &Out.ReadHandlers,
                                         &Out.WriteHandlers,
                                         &Out.QuietBios,
                                         &Out.OtherBios,
                                         &Out.SoErrorReaders,
                                         &Out.RcvTimeoutSetters,
                                         &Out.SndTimeoutSetters})
    if (!llvm::is_sorted(*List))
      llvm::sort(*List);
  Out.HasObjectFacts = O->get("object_fields") != nullptr;
  if (const llvm::json::Object *Os = O->getObject("object_params"))
    for (const auto &[K, V] : *Os) {
      ObjectSummary S;
      if (!objectSummaryFromJSON(V, S))
        return "has an entry of 'object_params' that is malformed";
      Out.ObjectParams[K.str()] = std::move(S);
    }
  if (const llvm::json::Array *Ws = O->getArray("io_wrappers"))
    for (const llvm::json::Value &E : *Ws) {
      FactWrapper F;
      if (!wrapperFromJSON(E, F))
        return "has an entry of 'io_wrappers' with no 'name' or 'fd'";
      Out.Wrappers.push_back(std::move(F));
    }
  if (const llvm::json::Array *Ts = O->getArray("field_targets"))
    for (const llvm::json::Value &E : *Ts) {
      const llvm::json::Object *T = E.getAsObject();
      auto Field = T ? T->getString("field") : std::nullopt;
      if (!Field)
        return "has an entry of 'field_targets' with no 'field'";
      FieldTarget FT;
      FT.Field = Field->str();
      FT.Fn = T->getString("fn").value_or("").str();
      FT.At = T->getString("at").value_or("").str();
      if (const llvm::json::Value *W = T->get("wrapper")) {
        FT.Wrapper.emplace();
        if (!wrapperFromJSON(*W, *FT.Wrapper))
          return "has an entry of 'field_targets' with a malformed 'wrapper'";
      }
      Out.FieldTargets.push_back(std::move(FT));
    }
  Out.ReadsSoError = O->getBoolean("reads_so_error").value_or(false);
  Out.WaitsForReadiness =
      O->getBoolean("waits_for_readiness").value_or(false);
  if (const llvm::json::Object *Fs = O->getObject("nonblocking_fields"))
    for (const auto &[K, V] : *Fs)
      Out.NonBlockingFields[K.str()] =
          V.getAsString().value_or("").str();
  if (const llvm::json::Object *Ss = O->getObject("nonblocking_sessions"))
    for (const auto &[K, V] : *Ss)
      Out.NonBlockingSessions[K.str()] = V.getAsString().value_or("").str();
  if (const llvm::json::Object *Rs = O->getObject("nonblocking_returns"))
    for (const auto &[K, V] : *Rs) {
      const llvm::json::Object *R = V.getAsObject();
      if (!R)
        return "has an entry of 'nonblocking_returns' that is not an object";
      Out.NonBlockingReturns[K.str()] = {
          R->getString("made").value_or("").str(),
          R->getBoolean("datagram").value_or(false)};
    }
  if (const llvm::json::Object *Fs = O->getObject("flag_returns"))
    for (const auto &[K, V] : *Fs) {
      const llvm::json::Object *F = V.getAsObject();
      std::optional<int64_t> Arg = F ? F->getInteger("arg") : std::nullopt;
      std::optional<llvm::StringRef> Creator =
          F ? F->getString("creator") : std::nullopt;
      // No function takes more parameters than this (C's own limit for
      // a call is 127 arguments).
      constexpr int64_t MaxArg = 127;
      if (!Arg || *Arg < 0 || *Arg > MaxArg || !Creator)
        return "has an entry of 'flag_returns' without 'arg' and 'creator'";
      Out.FlagReturns[K.str()] = {unsigned(*Arg), Creator->str(),
                                  F->getString("at").value_or("").str(),
                                  F->getBoolean("sole").value_or(false),
                                  F->getBoolean("kept").value_or(false)};
    }
  if (const llvm::json::Array *Ss = O->getArray("param_sites"))
    for (const llvm::json::Value &E : *Ss) {
      const llvm::json::Object *S = E.getAsObject();
      auto Param = S ? S->getString("param") : std::nullopt;
      if (!Param)
        return "has an entry of 'param_sites' with no 'param'";
      ParamSite PS;
      PS.Param = Param->str();
      PS.At = S->getString("at").value_or("").str();
      std::optional<llvm::StringRef> Mode = S->getString("mode");
      PS.Mode = Mode == "nonblocking" ? ParamSite::NonBlocking
                : Mode == "forwarded" ? ParamSite::Forwarded
                                      : ParamSite::Other;
      PS.From = S->getString("from").value_or("").str();
      PS.Datagram = S->getBoolean("datagram").value_or(false);
      PS.Blocking = S->getBoolean("blocking").value_or(false);
      if (PS.Blocking)
        if (std::string Why = strings(*S, "needs", PS.Needs); !Why.empty())
          return Why;
      Out.ParamSites.push_back(std::move(PS));
    }
  if (const llvm::json::Object *Ps = O->getObject("nonblocking_params"))
    for (const auto &[K, V] : *Ps) {
      const llvm::json::Object *R = V.getAsObject();
      if (!R)
        return "has an entry of 'nonblocking_params' that is not an object";
      Out.NonBlockingParams[K.str()] = {
          R->getString("made").value_or("").str(),
          R->getString("passed").value_or("").str(),
          R->getBoolean("datagram").value_or(false)};
    }
  if (const llvm::json::Object *Orig = O->getObject("origins"))
    for (const auto &[K, V] : *Orig)
      if (auto S = V.getAsString())
        Out.Origins[K.str()] = S->str();
  return {};
}

std::shared_ptr<const ProjectFacts> ProjectFacts::load(llvm::StringRef Path,
                                                       std::string &Error) {
  llvm::sys::fs::file_status St;
  if (llvm::sys::fs::status(Path, St)) {
    Error = "cannot be read";
    return nullptr;
  }
  // Keyed by path and modification time: a merge run between two TUs of a
  // long clangd session is picked up.
  // Never destroyed: the process's exit frees it, and tearing down a large
  // project's facts one string at a time is work no one waits for.
  static std::mutex Lock;
  static auto &Cache = *new std::map<
      std::pair<std::string, int64_t>,
      std::pair<std::shared_ptr<const ProjectFacts>, std::string>>();
  auto Key = std::make_pair(
      Path.str(), int64_t(St.getLastModificationTime().time_since_epoch().count()));
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Cache.find(Key);
  if (It == Cache.end()) {
    std::shared_ptr<ProjectFacts> F;
    std::string Why;
    auto Buf = llvm::MemoryBuffer::getFile(Path);
    if (!Buf) {
      Why = "cannot be read";
    } else if (auto V = llvm::json::parse((*Buf)->getBuffer())) {
      F = std::make_shared<ProjectFacts>();
      Why = fromJSON(*V, *F);
      if (!Why.empty()) {
        F.reset();
      } else if (F->HasObjectFacts) {
        // Beside the facts file: nbio-facts.objects.json for
        // nbio-facts.json (scripts/nbio-facts.py, objects_path).
        llvm::StringRef Stem = Path;
        Stem.consume_back(".json");
        F->ObjectParamsFile = (Stem + ".objects.json").str();
      }
    } else {
      Why = "is not JSON: " + llvm::toString(V.takeError());
    }
    It = Cache.emplace(Key, std::make_pair(F, Why)).first;
  }
  Error = It->second.second;
  return It->second.first;
}

bool ProjectFacts::keepsMode(llvm::StringRef Function, unsigned Arg) const {
  std::string Entry = (Function + ":" + llvm::Twine(Arg)).str();
  return std::binary_search(KeepsMode.begin(), KeepsMode.end(), Entry);
}

/// \p Entry is in \p List, which fromJSON keeps sorted.
static bool inSorted(const std::vector<std::string> &List,
                     llvm::StringRef Entry) {
  return std::binary_search(List.begin(), List.end(), Entry.str());
}

bool ProjectFacts::readHandler(llvm::StringRef Function) const {
  return inSorted(ReadHandlers, Function);
}

bool ProjectFacts::writeHandler(llvm::StringRef Function) const {
  return inSorted(WriteHandlers, Function);
}

bool ProjectFacts::returnsBlocking(llvm::StringRef Function) const {
  return inSorted(BlockingReturns, Function);
}

bool ProjectFacts::paramBlocking(llvm::StringRef Param) const {
  return inSorted(BlockingParams, Param);
}

/// Reads \p Path's `object_params` into \p Out and its `object_summarised`
/// into \p Summarised; a file that is missing or malformed gives none (the
/// rule they serve then knows no other file's function).
static void
readObjectParams(const std::string &Path,
                 std::map<std::string, ObjectSummary> &Out,
                 std::vector<std::string> &Summarised,
                 std::map<std::string, ProjectFacts::FileObjects> &Globals) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return;
  auto V = llvm::json::parse((*Buf)->getBuffer());
  if (!V) {
    llvm::consumeError(V.takeError());
    return;
  }
  const llvm::json::Object *O = V->getAsObject();
  const llvm::json::Object *Os = O ? O->getObject("object_params") : nullptr;
  if (!Os || O->getInteger("version") != FactsVersion)
    return;
  std::map<std::string, ObjectSummary> Read;
  for (const auto &[K, E] : *Os) {
    ObjectSummary S;
    if (!objectSummaryFromJSON(E, S))
      return;
    Read[K.str()] = std::move(S);
  }
  std::vector<std::string> Names;
  if (!strings(*O, "object_summarised", Names).empty())
    return;
  llvm::sort(Names);
  // `global_objects`: variable -> main file -> entry. Malformed, it says
  // nothing of any variable (objectFieldBlocking then judges none).
  std::map<std::string, ProjectFacts::FileObjects> ReadGlobals;
  if (const llvm::json::Object *Gs = O->getObject("global_objects")) {
    for (const auto &[G, ByFile] : *Gs) {
      const llvm::json::Object *Files = ByFile.getAsObject();
      if (!Files) {
        ReadGlobals.clear();
        break;
      }
      ProjectFacts::FileObjects &Entries = ReadGlobals[G.str()];
      bool Bad = false;
      for (const auto &[File, E] : *Files) {
        ObjectSummary S;
        if (!objectSummaryFromJSON(E, S)) {
          Bad = true;
          break;
        }
        Entries.emplace_back(File.str(), std::move(S));
      }
      if (Bad) {
        ReadGlobals.clear();
        break;
      }
    }
  }
  Out = std::move(Read);
  Summarised = std::move(Names);
  Globals = std::move(ReadGlobals);
}

void ProjectFacts::readObjectParamsOnce() const {
  // One ProjectFacts is shared by every TU of a clangd process.
  static std::mutex Lock;
  std::lock_guard<std::mutex> Guard(Lock);
  if (ObjectParamsRead)
    return;
  ObjectParamsRead = true;
  if (!ObjectParamsFile.empty())
    readObjectParams(ObjectParamsFile, LazyObjectParams, LazySummarised,
                     LazyGlobalObjects);
}

const ObjectSummary *ProjectFacts::objectParam(llvm::StringRef Function,
                                               unsigned Arg) const {
  std::string Key = Function.str() + ":" + std::to_string(Arg);
  if (auto It = ObjectParams.find(Key); It != ObjectParams.end())
    return &It->second;
  readObjectParamsOnce();
  auto It = LazyObjectParams.find(Key);
  return It == LazyObjectParams.end() ? nullptr : &It->second;
}

bool ProjectFacts::objectParamSummarised(llvm::StringRef Function,
                                         unsigned Arg) const {
  std::string Key = Function.str() + ":" + std::to_string(Arg);
  if (ObjectParams.count(Key))
    return true;
  readObjectParamsOnce();
  return std::binary_search(LazySummarised.begin(), LazySummarised.end(), Key);
}

bool ProjectFacts::globalShared(llvm::StringRef Name) const {
  return inSorted(SharedGlobals, Name);
}

const ProjectFacts::FileObjects *
ProjectFacts::globalObjects(llvm::StringRef Name) const {
  readObjectParamsOnce();
  auto It = LazyGlobalObjects.find(Name.str());
  return It == LazyGlobalObjects.end() ? nullptr : &It->second;
}

std::string ProjectFacts::mainFileKey(const clang::SourceManager &SM) {
  clang::OptionalFileEntryRef Main =
      SM.getFileEntryRefForID(SM.getMainFileID());
  if (!Main)
    return "";
  llvm::SmallString<256> Path(Main->getName());
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

bool ProjectFacts::objectField(llvm::StringRef Field) const {
  return inSorted(ObjectFields, Field);
}

bool ProjectFacts::fieldBlocking(llvm::StringRef Field) const {
  return inSorted(BlockingFields, Field);
}

bool ProjectFacts::sessionBlocking(llvm::StringRef Field) const {
  return inSorted(BlockingSessions, Field);
}

bool ProjectFacts::quietBio(llvm::StringRef Function) const {
  // A TU's own summary read as the facts lists both (the merge drops the
  // names of OtherBios from QuietBios).
  return inSorted(QuietBios, Function) && !inSorted(OtherBios, Function);
}

bool ProjectFacts::sessionOwnTransport(llvm::StringRef Field) const {
  return inSorted(OwnTransportSessions, Field);
}

bool ProjectFacts::sessionMixed(llvm::StringRef Field) const {
  return inSorted(MixedSessions, Field);
}

bool ProjectFacts::returnsNonSocket(llvm::StringRef Function) const {
  return inSorted(NonSocketReturns, Function);
}

bool ProjectFacts::fieldDatagram(llvm::StringRef Field) const {
  return inSorted(DatagramFields, Field);
}

bool ProjectFacts::fieldNonSocket(llvm::StringRef Field) const {
  return inSorted(NonSocketFields, Field);
}

bool ProjectFacts::fillsPipes(llvm::StringRef Function, unsigned Arg) const {
  return inSorted(PipeFillers, (Function + ":" + llvm::Twine(Arg)).str());
}

bool ProjectFacts::libraryCallNotDefined(llvm::StringRef Name) const {
  return LibraryNamesakesKnown && !llvm::is_contained(LibraryNamesakes, Name);
}

bool ProjectFacts::fillsNonSocket(llvm::StringRef Function,
                                  unsigned Arg) const {
  return inSorted(NonSocketOutParams,
                  (Function + ":" + llvm::Twine(Arg)).str());
}

std::string ProjectFacts::fieldKey(const FieldDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return {};
  const RecordDecl *RD = FD->getParent();
  std::string Record;
  if (RD->getIdentifier())
    Record = RD->getQualifiedNameAsString();
  else if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    Record = TD->getQualifiedNameAsString();
  if (Record.empty())
    return {};
  return Record + "::" + FD->getName().str();
}

std::string ProjectFacts::discover(llvm::StringRef Dir) {
  llvm::SmallString<256> D(Dir);
  for (unsigned I = 0; I < MaxDiscoveryDepth && !D.empty(); ++I) {
    llvm::SmallString<256> Candidate(D);
    llvm::sys::path::append(Candidate, "nbio-facts.json");
    if (llvm::sys::fs::exists(Candidate))
      return std::string(Candidate);
    llvm::StringRef Parent = llvm::sys::path::parent_path(D);
    if (Parent == D)
      break;
    D = Parent;
  }
  return {};
}

} // namespace clang::tidy::nbio
