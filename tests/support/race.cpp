#include "support/race.hpp"

#include <latch>
#include <thread>

namespace keyuan::testing {

std::unique_ptr<HttpClient> CloneClient(std::uint16_t port, Session& session) {
    auto client = std::make_unique<HttpClient>(port);
    client->cookies() = session.client->cookies();
    client->default_headers() = session.client->default_headers();
    return client;
}

std::vector<HttpResponse> RaceAnswers(std::uint16_t port, const std::vector<RaceRequest>& requests) {
    std::vector<std::unique_ptr<HttpClient>> clients;
    for (const RaceRequest& r : requests) {
        clients.push_back(CloneClient(port, *r.as));
        clients.back()->Get("/api/v1/health");  // connected before the start
    }
    std::vector<HttpResponse> answers(requests.size());
    std::latch start(static_cast<std::ptrdiff_t>(requests.size()));
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            const RaceRequest& r = requests[i];
            answers[i] = clients[i]->Send(r.method, r.target, r.body, r.headers);
        });
    }
    for (std::thread& t : threads) t.join();
    return answers;
}

std::vector<int> Race(std::uint16_t port, const std::vector<RaceRequest>& requests) {
    std::vector<int> statuses;
    for (const HttpResponse& r : RaceAnswers(port, requests)) statuses.push_back(r.status);
    return statuses;
}

std::map<int, int> Count(const std::vector<int>& statuses) {
    std::map<int, int> out;
    for (int s : statuses) ++out[s];
    return out;
}

}  // namespace keyuan::testing
