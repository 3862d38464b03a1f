package cn.kejiao.region;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ZoneRepository extends JpaRepository<CooperationZone, String> {

	List<CooperationZone> findAllByOrderByCode();
}
