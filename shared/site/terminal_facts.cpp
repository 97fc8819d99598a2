// Facts about this terminal (see terminal_facts.hpp).
#include "shared/site/terminal_facts.hpp"

#include "shared/store/database_health.hpp"
#include "shared/store/feed_store.hpp"
#include "shared/store/terminal_identity.hpp"

namespace mh {

std::string terminalIdOf(Site& site) { return loadTerminalIdentity(site.db()).id; }

std::string databaseProblemOf(Site& site, std::string* detail) { return databaseProblem(site.db(), detail); }

int heldPeerEntries(Site& site) { return FeedStore(site.db()).heldFuture(); }

int practiceCheckIns(Site& site) { return trainingRecordCount(site.db()); }

}  // namespace mh
