#include "store/write_companion.hpp"

#include <stdexcept>

namespace keyuan::store {
namespace {

// Handlers run start to end on one worker thread, so the thread is the request.
thread_local WriteCompanion* waiting = nullptr;

}  // namespace

WriteCompanion::WriteCompanion(std::function<void(Session&)> step) : step_(std::move(step)) {
    if (waiting) throw std::logic_error("write companions do not nest");
    waiting = this;
}

WriteCompanion::~WriteCompanion() {
    if (waiting == this) waiting = nullptr;
}

WriteCompanion* WriteCompanion::Take() {
    WriteCompanion* companion = waiting;
    waiting = nullptr;
    return companion;
}

void WriteCompanion::Reattach() {
    waiting = this;
}

}  // namespace keyuan::store
