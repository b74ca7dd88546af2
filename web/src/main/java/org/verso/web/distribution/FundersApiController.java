package org.verso.web.distribution;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.verso.distribution.FunderId;
import org.verso.distribution.Funders;
import org.verso.distribution.LocationId;
import org.verso.distribution.Locations;
import org.verso.distribution.Paging;
import org.verso.web.distribution.Bodies.FunderBody;
import org.verso.web.distribution.Bodies.LocationBody;
import org.verso.web.distribution.Views.FunderView;
import org.verso.web.distribution.Views.LocationView;
import org.verso.web.distribution.Views.PageView;

/** Funders and locations over the API: logistics and admins write, coordinators read. */
@RestController
@RequestMapping("/api")
@PreAuthorize(DistributionRoles.READ)
class FundersApiController {
    private final Funders funders;
    private final Locations locations;

    FundersApiController(Funders funders, Locations locations) {
        this.funders = funders;
        this.locations = locations;
    }

    @GetMapping("/funders")
    PageView<FunderView> funders(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageView.of(funders.list(Paging.of(page, size)), FunderView::of);
    }

    @GetMapping("/funders/{id}")
    FunderView funder(@PathVariable String id) {
        return FunderView.of(funders.get(FunderId.parse(id)));
    }

    @PostMapping("/funders")
    @PreAuthorize(DistributionRoles.WRITE)
    ResponseEntity<FunderView> createFunder(@RequestBody FunderBody body) {
        var funder = funders.create(body.command());
        return ResponseEntity.created(URI.create("/api/funders/" + funder.id())).body(FunderView.of(funder));
    }

    @GetMapping("/locations")
    PageView<LocationView> locations(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageView.of(locations.list(Paging.of(page, size)), LocationView::of);
    }

    @GetMapping("/locations/{id}")
    LocationView location(@PathVariable String id) {
        return LocationView.of(locations.get(LocationId.parse(id)));
    }

    @PostMapping("/locations")
    @PreAuthorize(DistributionRoles.WRITE)
    ResponseEntity<LocationView> createLocation(@RequestBody LocationBody body) {
        var location = locations.create(body.command());
        return ResponseEntity.created(URI.create("/api/locations/" + location.id()))
                .body(LocationView.of(location));
    }
}
