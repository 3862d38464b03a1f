package cn.kejiao.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

interface SynonymGroupRepository extends JpaRepository<SynonymGroup, Long> {
}
